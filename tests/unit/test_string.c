/* Contract of vm/str.c: short strings are interned (one object per content while it
 * lives), long strings are not but compare and hash by content, bodies are
 * NUL-terminated, and interned strings survive collections while referenced. */
#include <criterion/criterion.h>

#include "lua.h"
#include "lauxlib.h"
#include "str.h"
#include "table.h"

static lua_State *L;

static void setup(void) { L = luaL_newstate(); }
static void teardown(void) { lua_close(L); }

TestSuite(string, .init = setup, .fini = teardown);

Test(string, short_strings_are_interned) {
  String *a = str_newz(L, "hello");
  String *b = str_new(L, "hello world", 5);
  cr_assert_eq(a, b);
  cr_assert(a->is_short);
  cr_assert_eq(tsslen(a), 5);
  cr_assert_str_eq(getstr(a), "hello");
  cr_assert_neq(str_newz(L, "hellO"), a);
}

Test(string, embedded_zeros_and_empty) {
  String *a = str_new(L, "a\0b", 3), *b = str_new(L, "a\0c", 3);
  cr_assert_neq(a, b);
  cr_assert_eq(getstr(a)[3], '\0');
  cr_assert_eq(str_new(L, "", 0), str_newz(L, ""));
}

Test(string, long_strings_compare_by_content) {
  char text[200];
  memset(text, 'x', sizeof text);
  String *a = str_new(L, text, sizeof text), *b = str_new(L, text, sizeof text);
  cr_assert(!a->is_short);
  cr_assert_neq(a, b);
  cr_assert(str_eq(a, b));
  cr_assert_eq(str_hash(a), str_hash(b));
  String *c = str_new(L, text, sizeof text - 1);
  cr_assert(!str_eq(a, c));
  cr_assert_eq(getstr(a)[200], '\0');
}

Test(string, uninit_copy_equals_interned) {
  String *s = str_newz(L, "same bytes");
  String *u = str_new_uninit(L, 10);
  memcpy(getstr(u), "same bytes", 10);
  cr_assert(str_eq(s, u));
  cr_assert(str_eq(u, s));
  cr_assert_eq(str_hash(u), str_hash(s));  /* one hash function for both kinds */
}

Test(string, interned_strings_survive_collection) {
  char name[32];
  String *kept[64];
  for (int i = 0; i < 64; i++) {
    snprintf(name, sizeof name, "kept%d", i);
    kept[i] = str_newz(L, name);
    kept[i]->extra = (uint8_t)(i + 1);  /* the lexer's reserved-word mark */
  }
  for (int i = 0; i < 200000; i++) {  /* garbage, pruned from the table */
    snprintf(name, sizeof name, "garbage%d", i);
    str_newz(L, name);
  }
  lua_gc(L, LUA_GCCOLLECT, 0);
  for (int i = 0; i < 64; i++) {
    snprintf(name, sizeof name, "kept%d", i);
    String *again = str_newz(L, name);
    cr_assert_eq(again, kept[i]);
    cr_assert_eq(again->extra, i + 1);
  }
  /* the table does not keep garbage alive: after the collection its live entries
   * (neither empty, 0, nor tombstones, 1) are far fewer than the strings created */
  uint32_t live = 0;
  for (uint32_t i = 0; i < G(L)->strt.size; i++)
    live += G(L)->strt.hidden[i] > 1;
  cr_assert_lt(live, 100000u);
}

Test(string, metamethod_names_ready) {
  cr_assert_str_eq(getstr(G(L)->tmname[TM_INDEX]), "__index");
  cr_assert_str_eq(getstr(G(L)->tmname[TM_CLOSE]), "__close");
  cr_assert_str_eq(getstr(G(L)->memerrmsg), "not enough memory");
  cr_assert_eq(str_newz(L, "__gc"), G(L)->tmname[TM_GC]);
}
