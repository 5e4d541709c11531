/* Contract of vm/table.c: array/hash storage, key normalisation and key errors,
 * the length operator's borders and next()'s order, checked against what lua5.4
 * answers for the same operations (the expected values come from running lua5.4). */
#include <criterion/criterion.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "call.h"
#include "str.h"
#include "table.h"
#include <gc/gc.h>

static lua_State *L;

static void setup(void) { L = luaL_newstate(); }
static void teardown(void) { lua_close(L); }

TestSuite(table, .init = setup, .fini = teardown);

static Value I(lua_Integer i) { Value v; setivalue(&v, i); return v; }
static Value F(double d) { Value v; setfltvalue(&v, d); return v; }
static Value S(const char *s) { Value v; setsvalue(&v, str_newz(L, s)); return v; }
static Value NIL(void) { Value v; setnilvalue(&v); return v; }

static void seti(Table *t, lua_Integer k, lua_Integer v) { Value x = I(v); tab_setint(L, t, k, &x); }
static void setnil(Table *t, lua_Integer k) { Value x = NIL(); tab_setint(L, t, k, &x); }
static void set(Table *t, Value k, Value v) { tab_set(L, t, &k, &v); }

/* Run f protected; return the error message, or NULL when it succeeded. */
struct setargs { Table *t; Value k, v; };
static void do_set(lua_State *L1, void *ud) { struct setargs *a = ud; tab_set(L1, a->t, &a->k, &a->v); }
static void do_next(lua_State *L1, void *ud) { struct setargs *a = ud; tab_next(L1, a->t, &a->k, &a->v); }
static const char *protected_msg(ProtectedFn f, void *ud) {
  Value *top = L->top;
  if (vm_rawrunprotected(L, f, ud) == LUA_OK)
    return NULL;
  const Value *err = L->top - 1;
  const char *msg = ttisstring(err) ? getstr(strvalue(err)) : "?";
  L->top = top;
  return msg;
}

Test(table, sequence_lives_in_array_part) {
  Table *t = tab_new(L, 0, 0);
  for (int i = 1; i <= 100; i++)
    seti(t, i, i * 10);
  cr_assert_eq(tab_len(t), 100);
  cr_assert_eq(t->asize, 128);      /* lua5.4 sizes it to the same power of two */
  cr_assert_eq(ivalue(tab_getint(t, 37)), 370);
  cr_assert(tab_isabsent(tab_getint(t, 1000)));
  cr_assert(ttisnil(tab_getint(t, 101)));
}

Test(table, borders_match_lua54_with_holes) {
  Table *t = tab_new(L, 0, 0);
  for (int i = 1; i <= 8; i++) seti(t, i, i);
  setnil(t, 8); cr_assert_eq(tab_len(t), 7);
  setnil(t, 4); cr_assert_eq(tab_len(t), 7);
  setnil(t, 7); cr_assert_eq(tab_len(t), 6);
  setnil(t, 6); cr_assert_eq(tab_len(t), 5);

  Table *u = tab_new(L, 0, 0);
  for (int i = 1; i <= 20; i++) seti(u, i, i);
  int keys[] = {20, 19, 10, 18, 5, 17, 16};
  lua_Unsigned expect[] = {19, 18, 18, 17, 17, 16, 15};
  for (int i = 0; i < 7; i++) {
    setnil(u, keys[i]);
    cr_assert_eq(tab_len(u), expect[i], "after removing %d", keys[i]);
  }

  Table *y = tab_new(L, 0, 0);  /* y[#y+1] = i; y[3] = nil; y[#y] = nil ... */
  for (int i = 1; i <= 5; i++) seti(y, (lua_Integer)tab_len(y) + 1, i);
  setnil(y, 3); cr_assert_eq(tab_len(y), 5);
  setnil(y, (lua_Integer)tab_len(y)); cr_assert_eq(tab_len(y), 4);
  setnil(y, (lua_Integer)tab_len(y)); cr_assert_eq(tab_len(y), 2);

  Table *x = tab_new(L, 0, 0);
  seti(x, 1, 1); seti(x, 2, 2); seti(x, 4, 4);
  cr_assert_eq(tab_len(x), 4);
  Table *w = tab_new(L, 0, 0);
  for (int i = 1; i <= 10; i++) seti(w, i * 2, i);
  cr_assert_eq(tab_len(w), 0);
}

Test(table, length_searches_hash_part) {
  Table *t = tab_new(L, 0, 4);  /* integer keys forced into the hash part */
  for (int i = 1; i <= 3; i++) seti(t, i, i);
  cr_assert_eq(tab_len(t), 3);
}

static void keys_in_order(Table *t, char *out, size_t size) {
  Value k = NIL(), v;
  size_t n = 0;
  out[0] = '\0';
  while (tab_next(L, t, &k, &v)) {
    const char *s = k.tt == TAG_TRUE ? "true" : k.tt == TAG_FALSE ? "false" : NULL;
    char buf[64];
    if (s == NULL) {
      if (ttisinteger(&k)) snprintf(buf, sizeof buf, "%lld", (long long)ivalue(&k));
      else snprintf(buf, sizeof buf, "%.14g", fltvalue(&k));
      s = buf;
    }
    n += (size_t)snprintf(out + n, size - n, "%s ", s);
  }
}

Test(table, next_order_of_non_string_keys_matches_lua54) {
  Table *z = tab_new(L, 0, 0);
  Value t, f; setbtrue(&t); setbfalse(&f);
  set(z, I(-1), I(1)); set(z, I(0), I(0)); set(z, F(1.5), I(2)); set(z, t, I(1));
  set(z, f, I(0)); set(z, I(3), I(3)); set(z, I(1), I(1)); set(z, I(2), I(2));
  set(z, I(100), I(100)); set(z, I(7), I(7));
  char buf[256];
  keys_in_order(z, buf, sizeof buf);
  cr_assert_str_eq(buf, "1 2 3 0 -1 100 7 true 1.5 false ");

  Table *r = tab_new(L, 0, 0);
  for (int i = 1; i <= 9; i++) seti(r, i, i);
  setnil(r, 5);
  keys_in_order(r, buf, sizeof buf);
  cr_assert_str_eq(buf, "1 2 3 4 6 7 8 9 ");
}

Test(table, float_keys_normalise_to_integers) {
  Table *t = tab_new(L, 0, 0);
  set(t, F(2.0), I(20));
  cr_assert_eq(ivalue(tab_getint(t, 2)), 20);
  set(t, F(-0.0), I(5));  /* -0.0 == 0 */
  Value z = I(0);
  cr_assert_eq(ivalue(tab_get(t, &z)), 5);
  set(t, F(0.5), I(7));
  Value h = F(0.5);
  cr_assert_eq(ivalue(tab_get(t, &h)), 7);
  Value big = F(1e300);
  cr_assert(tab_isabsent(tab_get(t, &big)));
}

Test(table, nil_and_nan_keys_raise) {
  struct setargs a = {tab_new(L, 0, 0), NIL(), I(1)};
  cr_assert_str_eq(protected_msg(do_set, &a), "table index is nil");
  a.k = F(0.0 / 0.0);
  cr_assert_str_eq(protected_msg(do_set, &a), "table index is NaN");
  /* reading them is fine: absent */
  cr_assert(tab_isabsent(tab_get(a.t, &a.k)));
}

Test(table, next_survives_removal_during_traversal) {
  Table *t = tab_new(L, 0, 0);
  char name[32];
  for (int i = 0; i < 200; i++) {
    snprintf(name, sizeof name, "key%d", i);
    set(t, S(name), I(i));
  }
  for (int i = 1; i <= 50; i++) seti(t, i, i);
  Value k = NIL(), v, nil = NIL();
  int seen = 0;
  while (tab_next(L, t, &k, &v)) {
    tab_set(L, t, &k, &nil);  /* clearing fields during traversal is allowed */
    seen++;
  }
  cr_assert_eq(seen, 250);
  k = NIL();
  cr_assert_eq(tab_next(L, t, &k, &v), 0);

  struct setargs a = {t, I(12345), NIL()};
  cr_assert_str_eq(protected_msg(do_next, &a), "invalid key to 'next'");
}

Test(table, string_keys_by_content) {
  Table *t = tab_new(L, 0, 0);
  const char *longtext = "a string that is certainly longer than forty bytes, so not interned";
  String *a = str_newz(L, longtext), *b = str_newz(L, longtext);
  cr_assert_neq(a, b);
  Value ka, kb;
  setsvalue(&ka, a); setsvalue(&kb, b);
  set(t, ka, I(1));
  cr_assert_eq(ivalue(tab_get(t, &kb)), 1);
  cr_assert_eq(ivalue(tab_getstr(t, b)), 1);

  /* a short string built outside the intern table is interned when used as key */
  String *u = str_new_uninit(L, 3);
  memcpy(getstr(u), "abc", 3);
  Value ku; setsvalue(&ku, u);
  set(t, ku, I(3));
  cr_assert_eq(ivalue(tab_getshortstr(t, str_newz(L, "abc"))), 3);
  cr_assert_eq(ivalue(tab_get(t, &ku)), 3);
}

Test(table, pointer_and_boolean_keys) {
  Table *t = tab_new(L, 0, 0);
  Table *k1 = tab_new(L, 0, 0), *k2 = tab_new(L, 0, 0);
  Value v1, v2, tr; sethvalue(&v1, k1); sethvalue(&v2, k2); setbtrue(&tr);
  set(t, v1, I(1)); set(t, v2, I(2)); set(t, tr, I(3));
  cr_assert_eq(ivalue(tab_get(t, &v1)), 1);
  cr_assert_eq(ivalue(tab_get(t, &v2)), 2);
  cr_assert_eq(ivalue(tab_get(t, &tr)), 3);
  Value fl; setbfalse(&fl);
  cr_assert(tab_isabsent(tab_get(t, &fl)));
}

Test(table, slot_creates_and_resize_keeps_contents) {
  Table *t = tab_new(L, 4, 4);
  Value k = S("field");
  Value *slot = tab_slot(L, t, &k);
  cr_assert(ttisnil(slot));
  setivalue(slot, 42);
  for (int i = 1; i <= 1000; i++) seti(t, i * 3, i);
  cr_assert_eq(ivalue(tab_getshortstr(t, strvalue(&k))), 42);
  tab_resize(L, t, 0, 2000);
  for (int i = 1; i <= 1000; i++) cr_assert_eq(ivalue(tab_getint(t, i * 3)), i);
  cr_assert_eq(ivalue(tab_getshortstr(t, strvalue(&k))), 42);
}

/* ---- weak tables (tab_setweakmode / tab_prune / attachments) ---- */

static const void *dead_obj;   /* the one object the fake collector declares dead */
static int fake_alive(const void *o) { return o != dead_obj; }

static Value T(Table *t) { Value v; sethvalue(&v, t); return v; }

static int attachments_for(Table *t, GCObject *k) {
  int n = 0;
  for (struct GCAttach *a = k->attach; a != NULL; a = a->next)
    n += GC_REVEAL_POINTER(a->table) == (void *)t;
  return n;
}

Test(table, weak_mode_change_keeps_entries_and_layout) {
  Table *t = tab_new(L, 0, 0);
  for (int i = 1; i <= 20; i++) seti(t, i, i);
  set(t, S("x"), I(99));
  unsigned asize = t->asize, lsize = t->lsizenode;
  tab_setweakmode(L, t, WEAK_KEYS | WEAK_VALUES);
  cr_assert_eq(t->weakmode, WEAK_KEYS | WEAK_VALUES);
  cr_assert_eq(t->asize, asize);
  cr_assert_eq(t->lsizenode, lsize);
  for (int i = 1; i <= 20; i++) cr_assert_eq(ivalue(tab_getint(t, i)), i);
  cr_assert_eq(ivalue(tab_getstr(t, str_newz(L, "x"))), 99);
  tab_setweakmode(L, t, 0);
  cr_assert_eq(t->weakmode, 0);
  cr_assert_eq(ivalue(tab_getint(t, 20)), 20);
}

Test(table, ephemeron_values_are_attached_to_their_keys) {
  Table *t = tab_new(L, 0, 0);
  tab_setweakmode(L, t, WEAK_KEYS);
  Table *k = tab_new(L, 0, 0), *v1 = tab_new(L, 0, 0), *v2 = tab_new(L, 0, 0);
  set(t, T(k), T(v1));
  cr_assert_eq(attachments_for(t, (GCObject *)k), 1);
  cr_assert_eq(k->attach->val.u.gc, (GCObject *)v1);
  set(t, T(k), T(v2));                    /* overwrite: one attachment, new value */
  cr_assert_eq(attachments_for(t, (GCObject *)k), 1);
  cr_assert_eq(k->attach->val.u.gc, (GCObject *)v2);
  set(t, T(k), I(5));                     /* non-collectable value: nothing to keep */
  cr_assert_eq(attachments_for(t, (GCObject *)k), 0);
  set(t, T(k), T(v1));
  set(t, T(k), NIL());                    /* removal drops the attachment */
  cr_assert_eq(attachments_for(t, (GCObject *)k), 0);
}

Test(table, leaving_ephemeron_mode_drops_attachments) {
  Table *t = tab_new(L, 0, 0);
  Table *k = tab_new(L, 0, 0), *v = tab_new(L, 0, 0);
  set(t, T(k), T(v));
  tab_setweakmode(L, t, WEAK_KEYS);       /* existing entries get attached */
  cr_assert_eq(attachments_for(t, (GCObject *)k), 1);
  tab_setweakmode(L, t, WEAK_VALUES);
  cr_assert_eq(attachments_for(t, (GCObject *)k), 0);
  cr_assert_eq(tabvalue(tab_get(t, &(Value){{.gc = (GCObject *)k}, TAG_TABLE}))->tt, TAG_TABLE);
}

Test(table, prune_clears_dead_weak_entries_only) {
  Table *t = tab_new(L, 0, 0);
  tab_setweakmode(L, t, WEAK_KEYS | WEAK_VALUES);
  Table *dead = tab_new(L, 0, 0), *live = tab_new(L, 0, 0);
  set(t, T(dead), I(1));
  set(t, T(live), I(2));
  set(t, I(1), T(dead));
  set(t, I(2), T(live));
  set(t, S("s"), S("str"));
  dead_obj = dead;
  tab_prune(t, WEAK_VALUES, fake_alive, NULL);   /* values only: the dead key stays */
  cr_assert(ttisnil(tab_getint(t, 1)));
  cr_assert_eq(tab_getint(t, 2)->u.gc, (GCObject *)live);
  cr_assert_eq(ivalue(tab_get(t, &(Value){{.gc = (GCObject *)dead}, TAG_TABLE})), 1);
  tab_prune(t, WEAK_KEYS | WEAK_VALUES, fake_alive, NULL);
  cr_assert(ttisnil(tab_get(t, &(Value){{.gc = (GCObject *)dead}, TAG_TABLE})));
  cr_assert_eq(ivalue(tab_get(t, &(Value){{.gc = (GCObject *)live}, TAG_TABLE})), 2);
  cr_assert_str_eq(getstr(strvalue(tab_getstr(t, str_newz(L, "s")))), "str");
  /* next() still steps past the removed (dead-key) entry */
  Value key = NIL(), val;
  int n = 0;
  while (tab_next(L, t, &key, &val)) n++;
  cr_assert_eq(n, 3);
  dead_obj = NULL;
}

/* vm/tabsort.c at every quicksort depth, down to 0 (all heapsort): random data never
 * runs a real table.sort out of depth, so the heapsort is reached only from here. */
Test(table, plain_sort_at_every_depth) {
  enum { N = 2000 };
  static Value a[N];
  static const char *const words[] = {"pear", "apple", "fig", "", "apple", "kiwi",
                                      "banana", "fig", "a", "zz"};
  unsigned seed = 12345;
  for (int depth = 0; depth <= 24; depth += 3) {
    for (size_t n = 0; n <= N; n = n * 3 + 1) {
      lua_Unsigned sum = 0;   /* wraps: a checksum of the multiset */
      for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        lua_Integer v = (lua_Integer)(seed >> 8) % 500 - 250;
        if (i % 7 == 0)
          v = (i % 2) ? LUA_MAXINTEGER : LUA_MININTEGER;
        a[i] = I(v);
        sum += (lua_Unsigned)v;
      }
      tab_sort_values(L, a, n, 0, depth);
      lua_Unsigned after = 0;
      for (size_t i = 0; i < n; i++) {
        after += (lua_Unsigned)ivalue(&a[i]);
        if (i > 0)
          cr_assert_leq(ivalue(&a[i - 1]), ivalue(&a[i]), "depth %d, n %zu, at %zu", depth,
                        n, i);
      }
      cr_assert_eq(after, sum, "the same integers, permuted");
      for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        setsvalue(&a[i], str_newz(L, words[(seed >> 8) % 10]));
      }
      tab_sort_values(L, a, n, 1, depth);
      for (size_t i = 1; i < n; i++)
        cr_assert_leq(strcmp(getstr(strvalue(&a[i - 1])), getstr(strvalue(&a[i]))), 0);
    }
  }
}
