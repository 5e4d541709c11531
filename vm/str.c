/* Lua strings: creation, hashing, equality and the intern table of short strings.
 * The intern table (G(L)->strt) holds tagged addresses in an unscanned block, so that
 * it never keeps a string alive; the collector's mark-end hook calls str_prune, which turns the
 * entries of unmarked strings into tombstones. Interning is therefore a cache: equality
 * falls back to comparing length, hash and bytes (see spec/gc.md and spec/values.md). */
#include <gc/gc.h>
#include <gc/gc_mark.h>
#include <stdio.h>
#include <stdlib.h>

#include "str.h"
#include "call.h"
#include "gc.h"

/* ---- hashing ---- */

/* A word-at-a-time multiply-mix hash: reads 16 bytes per round and finishes with two
 * possibly overlapping loads for the tail, so short strings (the common case, <= 40
 * bytes) cost a few multiplications. The seed makes collisions unpredictable to scripts
 * that choose their own keys. */
#define HASH_K1 0xa0761d6478bd642full
#define HASH_K2 0xe7037ed1a0b428dbull
#define HASH_K3 0x8ebc6af09c88c6e3ull

static inline uint64_t hash_mix(uint64_t a, uint64_t b) {
  __uint128_t r = (__uint128_t)a * b;
  return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t read64(const unsigned char *p) {
  uint64_t v;
  memcpy(&v, p, 8);
  return v;
}

static inline uint64_t read32(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return v;
}

HOT static uint32_t hash_bytes(const char *str, size_t len, unsigned seed) {
  const unsigned char *p = (const unsigned char *)str;
  uint64_t h = (uint64_t)seed ^ ((uint64_t)len * HASH_K1);
  uint64_t a, b;
  size_t rest = len;
  while (rest > 16) {
    h = hash_mix(read64(p) ^ HASH_K2, read64(p + 8) ^ h);
    p += 16;
    rest -= 16;
  }
  if (rest >= 8) {
    a = read64(p);
    b = read64(p + rest - 8);
  } else if (rest >= 4) {
    a = read32(p);
    b = read32(p + rest - 4);
  } else if (rest > 0) {
    a = ((uint64_t)p[0] << 16) | ((uint64_t)p[rest >> 1] << 8) | p[rest - 1];
    b = 0;
  } else {
    a = b = 0;
  }
  h = hash_mix(a ^ HASH_K2, b ^ h ^ HASH_K3);
  h = hash_mix(h ^ HASH_K1, (uint64_t)len ^ HASH_K3);
  return (uint32_t)(h ^ (h >> 32));
}

/* The seed lives in the global state, but str_hash gets only the string: long strings
 * hash lazily with the seed of the universe that created them, which we do not know
 * there. All universes of the process therefore share this seed, set once. */
static unsigned hash_seed;

int str_maybe_dup;

uint32_t str_hash(String *s) {
  if (!s->has_hash) {
    s->hash = hash_bytes(s->data, s->len, hash_seed);
    s->has_hash = 1;
  }
  return s->hash;
}

int str_eq(const String *a, const String *b) {
  if (a == b)
    return 1;
  if (a->len != b->len)
    return 0;
  /* Compare hashes only when both are known (long strings hash lazily). */
  if (a->has_hash && b->has_hash && a->hash != b->hash)
    return 0;
  return memcmp(a->data, b->data, a->len) == 0;
}

/* ---- the intern table ---- */

/* Slots hold 0 (never used), STRT_TOMB (an entry pruned by the collector) or an entry:
 * the String's address in the low 48 bits and the top 16 bits of its hash above them,
 * so a probe compares tags without touching the string (one cache miss less per
 * probe). The slot array is an atomic (never scanned) block, and an entry is above
 * every heap address, so the table never keeps a string alive. No entry is 0 or 1.
 * `count` counts used slots, live and tombstones alike, so the load factor accounts for
 * the probe lengths tombstones cause; a rebuild drops the tombstones. Linear probing,
 * load kept under 3/4. */
#define STRT_EMPTY ((uintptr_t)0)
#define STRT_MINSIZE 128u

_Static_assert(sizeof(uintptr_t) == 8, "the intern table packs a tag above 48-bit addresses");

static inline uintptr_t strt_tag(uint32_t h) {
  return (uintptr_t)(h >> 16) << STRT_ADDRBITS;
}

static inline uintptr_t strt_entry(String *ts) {
  uintptr_t a = (uintptr_t)ts;
  if (unlikely(a > STRT_ADDRMASK)) {  /* x86-64/arm64 Linux user space never is */
    fputs("cove: heap address above 2^48; the intern table cannot tag it\n", stderr);
    abort();
  }
  return a | strt_tag(ts->hash);
}

static inline String *strt_reveal(uintptr_t e) {
  return (String *)(e & STRT_ADDRMASK);
}

static inline int strt_isentry(uintptr_t e) {
  return e > STRT_TOMB;
}

/* Rebuild the table with `newsize` slots, dropping tombstones. Allocates once, before
 * touching the old table: the allocation may run a collection, whose prune works on the
 * old array; after it, nothing here can trigger the collector. */
static void strt_resize(lua_State *L, uint32_t newsize) {
  StringTable *tb = &G(L)->strt;
  uintptr_t *fresh = gc_alloc_atomic(L, (size_t)newsize * sizeof(uintptr_t));
  uint32_t mask = newsize - 1, live = 0;
  memset(fresh, 0, (size_t)newsize * sizeof(uintptr_t));
  for (uint32_t i = 0; i < tb->size; i++) {
    uintptr_t h = tb->hidden[i];
    if (strt_isentry(h)) {
      uint32_t j = strt_reveal(h)->hash & mask;
      while (fresh[j] != STRT_EMPTY)
        j = (j + 1) & mask;
      fresh[j] = h;
      live++;
    }
  }
  tb->hidden = fresh;
  tb->size = newsize;
  tb->count = live;
}

/* Make room for one more used slot: rebuild with the live entries under half the
 * table (growing, or shrinking when a collection left it very sparse), which also
 * sweeps the tombstones away. */
static void strt_makeroom(lua_State *L) {
  StringTable *tb = &G(L)->strt;
  uint32_t live = 0;
  for (uint32_t i = 0; i < tb->size; i++)
    live += strt_isentry(tb->hidden[i]);
  uint32_t newsize = tb->size;
  while (live + 1 > newsize / 2)
    newsize *= 2;
  while (newsize > STRT_MINSIZE && live < newsize / 16)
    newsize /= 2;
  strt_resize(L, newsize);
}

static String *str_createshort(lua_State *L, const char *s, size_t len, uint32_t h) {
  String *ts = (String *)gc_new_atomic(L, sizeof(String) + len + 1, TAG_STR);
  ts->is_short = 1;
  ts->has_hash = 1;
  ts->extra = 0;
  ts->hash = h;
  ts->len = len;
  memcpy(ts->data, s, len);
  ts->data[len] = '\0';
  return ts;
}

HOT static String *str_internshort(lua_State *L, const char *s, size_t len) {
  StringTable *tb = &G(L)->strt;
  uint32_t h = hash_bytes(s, len, hash_seed);
  uint32_t mask = tb->size - 1;
  uint32_t i = h & mask;
  uintptr_t tag = strt_tag(h);
  for (;;) {
    uintptr_t e = tb->hidden[i];
    if (e == STRT_EMPTY)
      break;
    if ((e & ~STRT_ADDRMASK) == tag && e != STRT_TOMB) {
      String *ts = strt_reveal(e);
      if (ts->hash == h && ts->len == len && memcmp(ts->data, s, len) == 0)
        return ts;
    }
    i = (i + 1) & mask;
  }
  /* Miss. Allocate first: the allocation may collect and prune or nothing else, and
   * the table is only resized by us, so probing again afterwards is enough. */
  String *ts = str_createshort(L, s, len, h);
  if (tb->count + 1 > tb->size - (tb->size >> 2))
    strt_makeroom(L);
  mask = tb->size - 1;
  i = h & mask;
  while (strt_isentry(tb->hidden[i]))
    i = (i + 1) & mask;
  if (tb->hidden[i] == STRT_EMPTY)
    tb->count++;
  tb->hidden[i] = strt_entry(ts);
  return ts;
}

void str_prune(global_State *g) {
  StringTable *tb = &g->strt;
  /* Tombstones, not empty slots: emptying a slot would cut the probe sequences
   * that pass through it. They go at the next rebuild (we cannot allocate here). */
  for (uint32_t i = 0; i < tb->size; i++) {
    uintptr_t e = tb->hidden[i];
    if (strt_isentry(e) && !GC_is_marked(strt_reveal(e)))
      tb->hidden[i] = STRT_TOMB;
  }
}

/* ---- creation ---- */

String *str_new_uninit(lua_State *L, size_t len) {
  if (unlikely(len >= (size_t)0x7fffffffffffffffull - sizeof(String)))
    vm_runerror(L, "string length overflow");
  String *ts = (String *)gc_new_atomic(L, sizeof(String) + len + 1, TAG_STR);
  ts->is_short = 0;
  ts->has_hash = 0;
  ts->extra = 0;
  ts->hash = 0;
  ts->len = len;
  ts->data[len] = '\0';
  return ts;
}

HOT String *str_new(lua_State *L, const char *s, size_t len) {
  if (len <= STR_MAXSHORT)
    return str_internshort(L, s, len);
  String *ts = str_new_uninit(L, len);
  memcpy(ts->data, s, len);
  return ts;
}

/* C strings (lua_pushstring, lua_getfield's keys...) are mostly literals met again and
 * again at the same address: a hit costs a strcmp instead of strlen, a hash and a
 * probe. Only short strings are kept (the cache, in the scanned global state, keeps
 * them alive; a long one could be large). */
HOT String *str_newz(lua_State *L, const char *s) {
  String **set = G(L)->strcache[(uintptr_t)s % STRCACHE_SETS];
  for (int j = 0; j < STRCACHE_WAYS; j++)
    if (set[j] != NULL && strcmp(s, getstr(set[j])) == 0)
      return set[j];
  size_t len = strlen(s);
  String *ts = str_new(L, s, len);
  if (len <= STR_MAXSHORT) {
    for (int j = STRCACHE_WAYS - 1; j > 0; j--)
      set[j] = set[j - 1];
    set[0] = ts;
  }
  return ts;
}

static const char *const tm_names[TM_N] = {
  "__index", "__newindex", "__gc", "__mode", "__len", "__eq",
  "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr",
  "__unm", "__bnot", "__lt", "__le", "__concat", "__call", "__close"
};

void str_init(lua_State *L) {
  global_State *g = G(L);
  /* The collection hook must know this universe before its first string exists,
   * or a collection could free a string the table still lists. */
  gc_init(L);
  /* The first universe sets it (states may be created on several threads at once). */
  unsigned zero = 0, seed = g->seed != 0 ? g->seed : 0x2545f491u;
  __atomic_compare_exchange_n(&hash_seed, &zero, seed, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
  g->strt.hidden = gc_alloc_atomic(L, STRT_MINSIZE * sizeof(uintptr_t));
  memset(g->strt.hidden, 0, STRT_MINSIZE * sizeof(uintptr_t));
  g->strt.size = STRT_MINSIZE;
  g->strt.count = 0;
  g->memerrmsg = str_newz(L, "not enough memory");
  for (int i = 0; i < TM_N; i++)
    g->tmname[i] = str_newz(L, tm_names[i]);
  for (int t = LUA_TNONE; t < LUA_NUMTYPES; t++)
    g->typenames[t + 1] = str_newz(L, lua_typename(L, t));
}
