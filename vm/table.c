/* Lua tables: an array part for keys 1..asize and a hash part of 2^lsizenode nodes,
 * chained scatter with Brent's variation (a colliding key that is not in its main
 * position is moved away, so every chain starts at its main position). Sizing, key
 * hashing of numbers, booleans and pointers, insertion order and the border search of
 * '#' follow lua5.4's design, so that sizes, '#' and the order of next() over
 * non-string keys come out as they do in lua5.4. See spec/values.md. */
#include <math.h>
#include <limits.h>
#include <gc/gc.h>
#include <gc/gc_mark.h>

#include "table.h"
#include "call.h"
#include "gc.h"
#include "number.h"
#include "str.h"

/* Largest array part: keys up to 2^MAXABITS; largest hash part: 2^MAXHBITS nodes. */
#define MAXABITS 31
#define MAXASIZE (1u << MAXABITS)
#define MAXHBITS 30

/* Every table with an empty hash part shares this node; it is never written (every
 * insertion checks isdummy first), so it can be const in spirit. */
static Node dummynode_ = {{{0}, TAG_NIL}, {{0}, TAG_NIL}, 0};
#define dummynode (&dummynode_)
#define isdummy(t) ((t)->lastfree == NULL)

/* What the get functions return for a missing key. */
static const Value absentkey = {{0}, TAG_NIL};

int tab_isabsent(const Value *v) {
  return v == &absentkey;
}

/* ---- weak storage ----
 * A weak table's array part and node array are one libgc object each, of a kind whose
 * mark procedure (weak_mark) knows the layout: a WeakHdr, then the Values or Nodes.
 * The table points just past the header (libgc keeps interior pointers' objects). */

typedef struct WeakHdr {
  uint32_t n;           /* number of Values (array part) or Nodes (hash part) */
  uint8_t isnode;
  uint8_t mode;         /* WEAK_KEYS | WEAK_VALUES */
  uint16_t unused;
  struct GCState *gs;   /* the universe, once initialised (keeps the payload 16-aligned) */
} WeakHdr;

/* libgc may call the mark procedure on a block that is on the kind's free list (a
 * stale pointer to it was found): then its first word is a free-list link and the
 * rest is zero. Only a block whose header names its universe is read. */

/* A key whose entry a weak-key table may lose: collectable and not a string (strings
 * are values in Lua's sense, never removed from weak tables). */
static inline int weakable(const Value *v) {
  return v->tt >= TAG_TABLE && v->tt != TAG_DEADKEY;
}

#define isephemeron(t) ((t)->weakmode == WEAK_KEYS)

/* Push the strong references of a weak block: strings always; keys unless keys are
 * weak; values unless values are weak or the value is attached to its weak key. Runs
 * inside the collector (world stopped, possibly on marker threads): read only. */
static struct GC_ms_entry *weak_mark(GC_word *addr, struct GC_ms_entry *msp,
                                     struct GC_ms_entry *msl, GC_word env) {
  (void)env;
  WeakHdr *h = (WeakHdr *)addr;
  if (h->gs == NULL)
    return msp;
  msp = GC_MARK_AND_PUSH(h->gs, msp, msl, (void **)&h->gs);
  int mode = h->mode;
  /* A collection that does not prune this universe (another thread's, spec/capi.md
   * "Threads") holds everything: nothing may go while its own thread can reach it. */
  if (!gc_universe_pruned(h->gs))
    mode = 0;
  /* All-weak tables hold nothing strongly: the strings of the entries that survive
   * are marked by tab_prune at mark end, as lua5.4 marks them only then. */
  if (mode == (WEAK_KEYS | WEAK_VALUES))
    return msp;
  if (!h->isnode) {
    Value *v = (Value *)(void *)(h + 1);
    for (uint32_t i = 0; i < h->n; i++) {
      if (iscollectable(&v[i]) && (ttisstring(&v[i]) || !(mode & WEAK_VALUES)))
        msp = GC_MARK_AND_PUSH(gcvalue(&v[i]), msp, msl, (void **)&v[i].u.gc);
    }
    return msp;
  }
  Node *nd = (Node *)(void *)(h + 1);
  for (uint32_t i = 0; i < h->n; i++) {
    Node *n = &nd[i];
    int weakkey = (mode & WEAK_KEYS) && weakable(&n->key);
    if (iscollectable(&n->key) && n->key.tt != TAG_DEADKEY &&
        (ttisstring(&n->key) || !weakkey))
      msp = GC_MARK_AND_PUSH(gcvalue(&n->key), msp, msl, (void **)&n->key.u.gc);
    if (iscollectable(&n->val) &&
        (ttisstring(&n->val) || (!(mode & WEAK_VALUES) && !weakkey)))
      msp = GC_MARK_AND_PUSH(gcvalue(&n->val), msp, msl, (void **)&n->val.u.gc);
  }
  return msp;
}

static int weak_kind_id = -1;

/* Once, from the collector's setup (vm/gc.c), before any thread can allocate. */
void tab_init_kinds(void) {
  unsigned proc = GC_new_proc(weak_mark);
  weak_kind_id = (int)GC_new_kind(GC_new_free_list(), GC_MAKE_PROC(proc, 0), 0, 1);
  /* the table points sizeof(WeakHdr) bytes into the block */
  GC_register_displacement(sizeof(WeakHdr));
}


/* Zeroed storage for n elements of elsize bytes: plain scanned memory for a strong
 * table, a weak block for mode != 0. */
static void *alloc_store(lua_State *L, int mode, size_t n, size_t elsize, int isnode) {
  if (mode == 0)
    return gc_alloc(L, n * elsize);
  WeakHdr *h = gc_alloc_kind(L, sizeof(WeakHdr) + n * elsize, weak_kind_id);
  h->n = (uint32_t)n;
  h->isnode = (uint8_t)isnode;
  h->mode = (uint8_t)mode;
  h->gs = G(L)->gc;
  return h + 1;
}

/* ---- attachments (ephemerons) ---- */

/* Record that t holds `val` under key object k (update it, or drop it when val is not
 * collectable), so that val lives exactly as long as k. */
static void attach_set(lua_State *L, Table *t, GCObject *k, const Value *val) {
  uintptr_t ht = GC_HIDE_POINTER(t);
  struct GCAttach *a, **pp;
  if (!iscollectable(val)) {
    for (pp = &k->attach; (a = *pp) != NULL; pp = &a->next) {
      if (a->table == ht) {
        *pp = a->next;
        return;
      }
    }
    return;
  }
  for (a = k->attach; a != NULL; a = a->next) {
    if (a->table == ht) {
      a->val = *val;
      return;
    }
  }
  struct GCAttach *fresh = gc_alloc(L, sizeof(struct GCAttach));
  fresh->table = ht;
  fresh->val = *val;
  fresh->next = k->attach;
  k->attach = fresh;
}

static void attach_drop(Table *t, GCObject *k) {
  uintptr_t ht = GC_HIDE_POINTER(t);
  for (struct GCAttach *a, **pp = &k->attach; (a = *pp) != NULL; pp = &a->next) {
    if (a->table == ht) {
      *pp = a->next;
      return;
    }
  }
}

/* ---- hashing: where a key's chain starts ---- */

static inline Node *hashpow2(const Table *t, uint32_t h) {
  return &t->node[h & (sizenode(t) - 1u)];
}

/* Numbers and pointers use a modulo by an odd number, as lua5.4: it spreads keys
 * that differ only in their high bits or are multiples of a power of two. */
static inline Node *hashmod(const Table *t, uint64_t n) {
  uint32_t m = (sizenode(t) - 1u) | 1u;
  if (n <= UINT32_MAX)
    return &t->node[(uint32_t)n % m];
  return &t->node[n % m];
}

static inline Node *hashint(const Table *t, lua_Integer i) {
  return hashmod(t, (uint64_t)i);
}

static inline Node *hashpointer(const Table *t, const void *p) {
  return hashmod(t, (uint32_t)((uintptr_t)p & UINT_MAX));
}

/* lua5.4's l_hashfloat: mantissa and exponent folded into an int, so that floats
 * that are close but different land in different chains. Inf and NaN hash to 0. */
static uint32_t hashfloat(double n) {
  int e;
  lua_Integer ni;
  n = frexp(n, &e) * -(double)INT_MIN;
  if (!(n >= (double)LUA_MININTEGER && n < -(double)LUA_MININTEGER))
    return 0;
  ni = (lua_Integer)n;
  unsigned u = (unsigned)e + (unsigned)ni;
  return u <= (unsigned)INT_MAX ? u : ~u;
}

static Node *mainposition(const Table *t, const Value *key) {
  switch (key->tt) {
  case TAG_INT:
    return hashint(t, ivalue(key));
  case TAG_FLT:
    return hashmod(t, hashfloat(fltvalue(key)));
  case TAG_STR:
    return hashpow2(t, str_hash(strvalue(key)));
  case TAG_FALSE:
    return hashpow2(t, 0);
  case TAG_TRUE:
    return hashpow2(t, 1);
  case TAG_LIGHTUD:
    return hashpointer(t, pvalue(key));
  case TAG_LCF:
    return hashpointer(t, (void *)(uintptr_t)fvalue(key));
  default:
    return hashpointer(t, gcvalue(key));
  }
}

/* Raw key equality inside the hash part. With `deadok`, a removed collectable key
 * (TAG_DEADKEY, payload kept) still matches its object: next() needs that. */
static int equalkey(const Value *k, const Node *n, int deadok) {
  if (k->tt != n->key.tt) {
    if (deadok && n->key.tt == TAG_DEADKEY && iscollectable(k))
      return gcvalue(k) == gcvalue(&n->key);
    return 0;
  }
  switch (k->tt) {
  case TAG_NIL: case TAG_FALSE: case TAG_TRUE:
    return 1;
  case TAG_INT:
    return ivalue(k) == ivalue(&n->key);
  case TAG_FLT:
    return fltvalue(k) == fltvalue(&n->key);
  case TAG_LIGHTUD:
    return pvalue(k) == pvalue(&n->key);
  case TAG_LCF:
    return fvalue(k) == fvalue(&n->key);
  case TAG_STR:
    return str_eq(strvalue(k), strvalue(&n->key));
  default:
    return gcvalue(k) == gcvalue(&n->key);
  }
}

/* ---- lookups ---- */

HOT const Value *tab_getint(Table *t, lua_Integer key) {
  lua_Unsigned idx = (lua_Unsigned)key - 1u;
  if (idx < t->asize) {
    /* lua5.4 moves its length hint to any array index read past it ("'#t' is
     * probably here now"); doing the same keeps '#' in step with it. */
    if (unlikely(idx >= t->lenhint))
      t->lenhint = (uint32_t)key;
    return &t->array[idx];
  }
  Node *n = hashint(t, key);
  for (;;) {
    if (n->key.tt == TAG_INT && ivalue(&n->key) == key)
      return &n->val;
    if (n->next == 0)
      return &absentkey;
    n += n->next;
  }
}

/* Second chance for a short-string lookup that found no pointer-equal key: only
 * needed once the intern table may hold two copies of one string (str_maybe_dup). */
static NOINLINE const Value *getshortstr_slow(Table *t, String *key) {
  Node *n = hashpow2(t, key->hash);
  for (;;) {
    if (n->key.tt == TAG_STR) {
      String *k = strvalue(&n->key);
      if (k->hash == key->hash && k->len == key->len &&
          memcmp(k->data, key->data, key->len) == 0)
        return &n->val;
    }
    if (n->next == 0)
      return &absentkey;
    n += n->next;
  }
}

HOT const Value *tab_getshortstr(Table *t, String *key) {
  Node *n = hashpow2(t, key->hash);
  for (;;) {
    if (n->key.tt == TAG_STR && strvalue(&n->key) == key)
      return &n->val;
    if (n->next == 0)
      break;
    n += n->next;
  }
  if (unlikely(str_maybe_dup))
    return getshortstr_slow(t, key);
  return &absentkey;
}

/* Generic chain walk: long strings and every other key type. */
static const Value *getgeneric(Table *t, const Value *key, int deadok) {
  Node *n = mainposition(t, key);
  for (;;) {
    if (equalkey(key, n, deadok))
      return &n->val;
    if (n->next == 0)
      return &absentkey;
    n += n->next;
  }
}

HOT const Value *tab_getstr(Table *t, String *key) {
  if (key->is_short)
    return tab_getshortstr(t, key);
  Value k;
  setsvalue(&k, key);
  return getgeneric(t, &k, 0);
}

HOT const Value *tab_get(Table *t, const Value *key) {
  switch (key->tt) {
  case TAG_STR:
    return tab_getstr(t, strvalue(key));
  case TAG_INT:
    return tab_getint(t, ivalue(key));
  case TAG_NIL:
    return &absentkey;
  case TAG_FLT: {
    lua_Integer k;
    if (num_flttointeger(fltvalue(key), &k, F2I_EQ))
      return tab_getint(t, k);
    return getgeneric(t, key, 0);
  }
  default:
    return getgeneric(t, key, 0);
  }
}

/* ---- sizing ---- */

static unsigned ceillog2(unsigned x) {
  return x <= 1 ? 0 : 32u - (unsigned)__builtin_clz(x - 1);
}

static Node *newnodes(lua_State *L, const Table *t, unsigned size, uint8_t *lsize) {
  if (size == 0) {
    *lsize = 0;
    return dummynode;
  }
  unsigned lg = ceillog2(size);
  if (lg > MAXHBITS)
    vm_runerror(L, "table overflow");
  *lsize = (uint8_t)lg;
  /* zero-filled: every key and value nil, every chain link 0 */
  return alloc_store(L, t->weakmode, (size_t)1 << lg, sizeof(Node), 1);
}

static Value *newkey(lua_State *L, Table *t, const Value *key);

/* Insert during a resize: key is known absent and normalised. */
static void reinsert(lua_State *L, Table *t, const Value *key, const Value *val) {
  Value *slot;
  if (key->tt == TAG_INT && (lua_Unsigned)ivalue(key) - 1u < t->asize)
    slot = &t->array[ivalue(key) - 1];
  else
    slot = newkey(L, t, key);
  setobj(slot, val);
}

/* Inline nodes left behind by a move stay inside the table's block for its lifetime:
 * clear them, or the keys and values they held would be kept alive by it. */
static void forget_inline(Node *old, unsigned n, int wasinline) {
  if (wasinline)
    memset(old, 0, (size_t)n * sizeof(Node));
}

void tab_resize(lua_State *L, Table *t, unsigned nasize, unsigned nhsize) {
  if (nasize > MAXASIZE)
    vm_runerror(L, "table overflow");
  unsigned oldasize = t->asize;
  Value *oldarray = t->array;
  Node *oldnode = t->node;
  unsigned oldnsize = isdummy(t) ? 0 : sizenode(t);
  /* Allocate both new parts before touching t: on a memory error the table is
   * unchanged. */
  uint8_t lsize;
  Node *node = newnodes(L, t, nhsize, &lsize);
  Value *array = oldarray;
  if (nasize != oldasize) {
    array = nasize ? alloc_store(L, t->weakmode, nasize, sizeof(Value), 0) : NULL;
    if (oldasize && nasize)
      memcpy(array, oldarray, (size_t)(nasize < oldasize ? nasize : oldasize) * sizeof(Value));
  }
  t->array = array;
  t->asize = nasize;
  t->lenhint = nasize;
  t->node = node;
  t->lsizenode = lsize;
  t->lastfree = node == dummynode ? NULL : node + ((size_t)1 << lsize);
  int wasinline = t->nodesinline;
  t->nodesinline = 0;
  /* Same order as lua5.4: the vanishing slice of the array first, then the old
   * hash nodes in node order; that fixes where each key lands. */
  for (unsigned i = nasize; i < oldasize; i++) {
    if (!ttisnil(&oldarray[i])) {
      Value k;
      setivalue(&k, (lua_Integer)i + 1);
      reinsert(L, t, &k, &oldarray[i]);
    }
  }
  for (unsigned j = 0; j < oldnsize; j++) {
    Node *old = &oldnode[j];
    if (!ttisnil(&old->val))
      reinsert(L, t, &old->key, &old->val);
  }
  forget_inline(oldnode, oldnsize, wasinline);
}

/* Hash parts of at most this many nodes, asked for when the table is made (a
 * constructor such as {x = 1, y = 2}, lua_createtable), share the table's block: one
 * allocation instead of two, and a record's header and fields in adjacent cache lines
 * (libgc's size-segregated pages would otherwise put them pages apart). */
#define INLINE_NODES_MAX 4

HOT Table *tab_new(lua_State *L, unsigned narray, unsigned nhash) {
  int inl = narray == 0 && nhash > 0 && nhash <= INLINE_NODES_MAX;
  unsigned lg = inl ? ceillog2(nhash) : 0;
  size_t ninline = inl ? (size_t)1 << lg : 0;
  Table *t = (Table *)gc_new(L, sizeof(Table) + ninline * sizeof(Node), TAG_TABLE);
  t->tmcache = 0xff;  /* nothing to find in an empty table */
  t->node = dummynode;
  t->lsizenode = 0;
  t->lastfree = NULL;
  t->array = NULL;
  t->asize = 0;
  t->lenhint = 0;
  t->metatable = NULL;
  t->nodesinline = 0;
  if (ninline) {  /* the block is zeroed: every key and value nil, every link 0 */
    t->node = (Node *)(t + 1);
    t->lsizenode = (uint8_t)lg;
    t->lastfree = t->node + ninline;
    t->nodesinline = 1;
  } else if (narray || nhash) {
    tab_resize(L, t, narray, nhash);
  }
  return t;
}

/* Count integer key k (if it could live in an array part) into nums[ceil(log2 k)]. */
static unsigned countint(lua_Integer k, unsigned *nums) {
  if ((lua_Unsigned)k - 1u < MAXASIZE) {
    nums[ceillog2((unsigned)k)]++;
    return 1;
  }
  return 0;
}

/* Non-nil slots of the array part, by slices (2^(lg-1), 2^lg]. */
static unsigned numusearray(const Table *t, unsigned *nums) {
  unsigned ause = 0, i = 1, asize = t->asize;
  unsigned lim = 1;
  for (int lg = 0; lg <= MAXABITS; lg++, lim *= 2) {
    unsigned lc = 0, top = lim;
    if (top > asize) {
      top = asize;
      if (i > top)
        break;
    }
    for (; i <= top; i++)
      lc += !ttisnil(&t->array[i - 1]);
    nums[lg] += lc;
    ause += lc;
  }
  return ause;
}

static unsigned numusehash(const Table *t, unsigned *nums, unsigned *pna) {
  unsigned total = 0, ause = 0;
  unsigned i = sizenode(t);
  while (i--) {
    const Node *n = &t->node[i];
    if (!ttisnil(&n->val)) {
      if (n->key.tt == TAG_INT)
        ause += countint(ivalue(&n->key), nums);
      total++;
    }
  }
  *pna += ause;
  return total;
}

/* lua5.4's computesizes: the array size is the largest power of two n such that
 * more than half of the keys 1..n are in use. */
static unsigned computesizes(unsigned *nums, unsigned *pna) {
  unsigned a = 0, na = 0, optimal = 0;
  unsigned twotoi = 1;
  for (int i = 0; twotoi > 0 && *pna > twotoi / 2; i++, twotoi *= 2) {
    a += nums[i];
    if (a > twotoi / 2) {
      optimal = twotoi;
      na = a;
    }
  }
  *pna = na;
  return optimal;
}

/* The hash part is full: size both parts for the keys in use plus `extra`. */
static void rehash(lua_State *L, Table *t, const Value *extra) {
  unsigned nums[MAXABITS + 1] = {0};
  unsigned na = numusearray(t, nums);
  unsigned total = na;
  total += numusehash(t, nums, &na);
  if (extra->tt == TAG_INT)
    na += countint(ivalue(extra), nums);
  total++;
  unsigned asize = computesizes(nums, &na);
  tab_resize(L, t, asize, total - na);
}

/* ---- insertion ---- */

static Node *getfreepos(Table *t) {
  if (!isdummy(t)) {
    while (t->lastfree > t->node) {
      t->lastfree--;
      if (ttisnil(&t->lastfree->key))
        return t->lastfree;
    }
  }
  return NULL;
}

/* Insert a key known to be absent and normalised (not nil, not NaN, integral floats
 * as integers, short-length strings interned); returns its value slot, set to nil.
 * If the key's main position is taken by a key from another chain, that key moves
 * to a free node; otherwise the new key takes the free node, linked after the main
 * position. */
HOT static Value *newkey(lua_State *L, Table *t, const Value *key) {
  Node *mp = mainposition(t, key);
  if (!ttisnil(&mp->val) || isdummy(t)) {
    Node *f = getfreepos(t);
    if (f == NULL) {
      rehash(L, t, key);
      return tab_slot(L, t, key);
    }
    Node *othern = mainposition(t, &mp->key);
    if (othern != mp) {
      /* the colliding key is out of its main position: move it to f */
      while (othern + othern->next != mp)
        othern += othern->next;
      othern->next = (int32_t)(f - othern);
      *f = *mp;
      if (mp->next != 0) {
        f->next += (int32_t)(mp - f);
        mp->next = 0;
      }
      setnilvalue(&mp->val);
    } else {
      /* the colliding key is in its main position: the new key goes to f */
      if (mp->next != 0)
        f->next = (int32_t)((mp + mp->next) - f);
      mp->next = (int32_t)(f - mp);
      mp = f;
    }
  }
  mp->key = *key;
  setnilvalue(&mp->val);
  return &mp->val;
}

/* Bring a key to the form it is stored in; raises the errors for nil and NaN keys. */
static const Value *normkey(lua_State *L, const Value *key, Value *aux) {
  switch (key->tt) {
  case TAG_NIL:
    vm_runerror(L, "table index is nil");
  case TAG_FLT: {
    lua_Integer k;
    double n = fltvalue(key);
    if (num_flttointeger(n, &k, F2I_EQ)) {
      setivalue(aux, k);
      return aux;
    }
    if (n != n)
      vm_runerror(L, "table index is NaN");
    return key;
  }
  case TAG_STR: {
    /* A string of short length built outside the intern table (str_new_uninit)
     * is replaced by its interned copy, so short-string keys compare by pointer. */
    String *s = strvalue(key);
    if (!s->is_short && s->len <= STR_MAXSHORT) {
      setsvalue(aux, str_new(L, s->data, s->len));
      return aux;
    }
    return key;
  }
  default:
    return key;
  }
}

Value *tab_slot(lua_State *L, Table *t, const Value *key) {
  Value aux;
  key = normkey(L, key, &aux);
  t->tmcache = 0;
  const Value *slot = tab_get(t, key);
  if (!tab_isabsent(slot))
    return (Value *)slot;
  return newkey(L, t, key);
}

void tab_set(lua_State *L, Table *t, const Value *key, const Value *val) {
  Value aux;
  key = normkey(L, key, &aux);
  t->tmcache = 0;
  /* Attach first: it may allocate (and collect), and the value must be visible to
   * the collector from the moment it is in the node. */
  if (unlikely(isephemeron(t)) && weakable(key))
    attach_set(L, t, gcvalue(key), val);
  const Value *slot = tab_get(t, key);
  if (tab_isabsent(slot)) {
    if (ttisnil(val))
      return;  /* absent stays absent */
    slot = newkey(L, t, key);
  }
  setobj((Value *)slot, val);
}

void tab_setint(lua_State *L, Table *t, lua_Integer key, const Value *val) {
  const Value *slot = tab_getint(t, key);
  t->tmcache = 0;
  if (tab_isabsent(slot)) {
    if (ttisnil(val))
      return;
    Value k;
    setivalue(&k, key);
    slot = newkey(L, t, &k);
  }
  setobj((Value *)slot, val);
}

void tab_setstr(lua_State *L, Table *t, String *key, const Value *val) {
  Value k;
  setsvalue(&k, key);
  tab_set(L, t, &k, val);
}

/* ---- length: a border, found as lua5.4 finds it ---- */

static unsigned binsearch(const Value *array, unsigned i, unsigned j) {
  while (j - i > 1u) {
    unsigned m = (i + j) / 2;
    if (ttisnil(&array[m - 1]))
      j = m;
    else
      i = m;
  }
  return i;
}

/* t[j] is present (or j == 0): double j until t[j] is absent, then bisect. */
static lua_Unsigned hash_search(Table *t, lua_Unsigned j) {
  lua_Unsigned i;
  if (j == 0)
    j++;
  do {
    i = j;
    if (j <= (lua_Unsigned)LUA_MAXINTEGER / 2)
      j *= 2;
    else {
      j = LUA_MAXINTEGER;
      if (ttisnil(tab_getint(t, (lua_Integer)j)))
        break;
      return j;
    }
  } while (!ttisnil(tab_getint(t, (lua_Integer)j)));
  while (j - i > 1u) {
    lua_Unsigned m = (i + j) / 2;
    if (ttisnil(tab_getint(t, (lua_Integer)m)))
      j = m;
    else
      i = m;
  }
  return i;
}

static int ispow2(unsigned x) {
  return (x & (x - 1)) == 0;
}

/* lua5.4's luaH_getn, with `lenhint` in the role of its 'alimit' and asize as the
 * real array size: the hint remembers the last border found so that the common
 * t[#t+1] = v and t[#t] = nil loops are O(1), and so that tables with holes answer
 * with the same border lua5.4 does. */
HOT lua_Unsigned tab_len(Table *t) {
  unsigned limit = t->lenhint;
  unsigned asize = t->asize;
  if (limit > 0 && ttisnil(&t->array[limit - 1])) {
    /* there is a border before limit */
    if (limit >= 2 && !ttisnil(&t->array[limit - 2])) {
      if (ispow2(asize) && !ispow2(limit - 1))
        t->lenhint = limit - 1;
      return limit - 1;
    }
    unsigned border = binsearch(t->array, 0, limit);
    if (ispow2(asize) && border > asize / 2)
      t->lenhint = border;
    return border;
  }
  if (limit != asize) {
    /* limit is 0 or t[limit] is present */
    if (ttisnil(&t->array[limit]))
      return limit;
    limit = asize;
    if (ttisnil(&t->array[limit - 1])) {
      unsigned border = binsearch(t->array, t->lenhint, limit);
      t->lenhint = border;
      return border;
    }
    t->lenhint = limit;
  }
  /* the array part is full (or empty) */
  if (isdummy(t) || ttisnil(tab_getint(t, (lua_Integer)limit + 1)))
    return limit;
  return hash_search(t, limit);
}

/* ---- traversal ---- */

/* Position after which next() continues: 0 for nil, i for array key i, asize + node
 * index + 1 for a hash key. */
static unsigned findindex(lua_State *L, Table *t, const Value *key) {
  if (ttisnil(key))
    return 0;
  if (key->tt == TAG_INT && (lua_Unsigned)ivalue(key) - 1u < t->asize)
    return (unsigned)ivalue(key);
  Value aux;
  if (key->tt == TAG_FLT) {
    lua_Integer k;
    if (num_flttointeger(fltvalue(key), &k, F2I_EQ)) {
      if ((lua_Unsigned)k - 1u < t->asize)
        return (unsigned)k;
      setivalue(&aux, k);
      key = &aux;
    }
  }
  const Value *slot = getgeneric(t, key, 1);
  if (tab_isabsent(slot))
    vm_runerror(L, "invalid key to 'next'");
  /* slot is the val field of a node */
  const Node *n = (const Node *)((const char *)slot - offsetof(Node, val));
  return (unsigned)(n - t->node) + 1 + t->asize;
}

int tab_next(lua_State *L, Table *t, Value *key, Value *val) {
  unsigned asize = t->asize;
  unsigned i = findindex(L, t, key);
  for (; i < asize; i++) {
    if (!ttisnil(&t->array[i])) {
      setivalue(key, (lua_Integer)i + 1);
      setobj(val, &t->array[i]);
      return 1;
    }
  }
  unsigned nsize = sizenode(t);
  for (i -= asize; i < nsize; i++) {
    const Node *n = &t->node[i];
    if (!ttisnil(&n->val)) {
      setobj(key, &n->key);
      setobj(val, &n->val);
      return 1;
    }
  }
  return 0;
}

/* ---- weak mode and collection-time pruning (driven by vm/gc.c) ---- */

void tab_setweakmode(lua_State *L, Table *t, int mode) {
  int oldmode = t->weakmode;
  if (mode == oldmode)
    return;
  /* 1. Becoming an ephemeron table: attach the values under collectable keys while
   * the storage still holds them visibly. (Attaching allocates; a collection then
   * prunes t by its old mode, which is still the one in effect.) */
  if (mode == WEAK_KEYS) {
    for (unsigned i = 0; !isdummy(t) && i < sizenode(t); i++) {
      Node *n = &t->node[i];
      if (!ttisnil(&n->val) && weakable(&n->key)) {
        Value v = n->val;
        attach_set(L, t, gcvalue(&n->key), &v);
      }
    }
  }
  /* 2. Move both parts to storage of the new kind (chain links are relative, so a
   * byte copy keeps the chains). */
  unsigned asize = t->asize, nsize = isdummy(t) ? 0 : sizenode(t);
  Value *array = asize ? alloc_store(L, mode, asize, sizeof(Value), 0) : NULL;
  Node *node = nsize ? alloc_store(L, mode, nsize, sizeof(Node), 1) : dummynode;
  Node *oldnode = t->node;
  if (asize)
    memcpy(array, t->array, (size_t)asize * sizeof(Value));
  if (nsize) {
    memcpy(node, t->node, (size_t)nsize * sizeof(Node));
    t->lastfree = node + (t->lastfree - t->node);
  }
  t->array = array;
  t->node = node;
  t->weakmode = (uint8_t)mode;
  /* 3. No longer an ephemeron table: its values are held by the storage now. */
  if (oldmode == WEAK_KEYS) {
    for (unsigned i = 0; i < nsize; i++) {
      Node *n = &node[i];
      if (weakable(&n->key))
        attach_drop(t, gcvalue(&n->key));
    }
  }
  forget_inline(oldnode, nsize, t->nodesinline);
  t->nodesinline = 0;
  GC_reachable_here(oldnode);
}

/* Remove an entry: nil value, and a collectable key becomes a dead key (its payload
 * kept, so that next() can still step past it). */
static inline void clearentry(Node *n) {
  setnilvalue(&n->val);
  if (iscollectable(&n->key))
    n->key.tt = TAG_DEADKEY;
}

void tab_prune(Table *t, int what, int (*alive)(const void *o),
               void (*markstr)(const void *s)) {
  what &= t->weakmode;
  for (unsigned i = 0; i < t->asize; i++) {
    Value *v = &t->array[i];
    if ((what & WEAK_VALUES) && weakable(v) && !alive(gcvalue(v)))
      setnilvalue(v);
    else if (markstr != NULL && ttisstring(v))
      markstr(gcvalue(v));
  }
  if (isdummy(t))
    return;
  for (unsigned i = 0; i < sizenode(t); i++) {
    Node *n = &t->node[i];
    if (ttisnil(&n->val))
      continue;
    if (((what & WEAK_KEYS) && weakable(&n->key) && !alive(gcvalue(&n->key))) ||
        ((what & WEAK_VALUES) && weakable(&n->val) && !alive(gcvalue(&n->val)))) {
      clearentry(n);
    } else if (markstr != NULL) {
      if (ttisstring(&n->key))
        markstr(gcvalue(&n->key));
      if (ttisstring(&n->val))
        markstr(gcvalue(&n->val));
    }
  }
}

void tab_detachdead(Table *t, int (*alive)(const void *o)) {
  if (!isephemeron(t) || isdummy(t))
    return;
  for (unsigned i = 0; i < sizenode(t); i++) {
    Node *n = &t->node[i];
    if (!ttisnil(&n->val) && weakable(&n->key) && alive(gcvalue(&n->key)))
      attach_drop(t, gcvalue(&n->key));
  }
}
