/* Lua tables: array part + hash part (chained scatter table with Brent's variation),
 * power-of-two sizes, lua5.4's border rules for the length operator.
 * get functions return a pointer to the value slot, or to a shared absent-nil (check
 * with tab_isabsent) when the key is missing; never NULL. */
#ifndef COVE_TABLE_H
#define COVE_TABLE_H

#include "state.h"

Table *tab_new(lua_State *L, unsigned narray, unsigned nhash);
void tab_resize(lua_State *L, Table *t, unsigned narray, unsigned nhash);

const Value *tab_get(Table *t, const Value *key);
const Value *tab_getint(Table *t, lua_Integer key);

/* The array slot of index idx (0-based, idx < asize) for a get or set of t[idx + 1].
 * Like tab_getint (and lua5.4's luaH_getint) it moves the length hint up to any index
 * read or written past it: '#' then answers as lua5.4's does, and an append loop
 * (t[#t + 1] = v) finds its border at once instead of bisecting the array each time. */
static inline Value *tab_arrayslot(Table *t, unsigned idx) {
  if (idx >= t->lenhint)
    t->lenhint = idx + 1;
  return &t->array[idx];
}
const Value *tab_getstr(Table *t, String *key);     /* any string key */
const Value *tab_getshortstr(Table *t, String *key);
int tab_isabsent(const Value *v);                    /* slot returned for a missing key */

/* Store; raises "index is nil" / "index is NaN" errors. Floats with integral value
 * are normalised to integer keys. */
void tab_set(lua_State *L, Table *t, const Value *key, const Value *val);
void tab_setint(lua_State *L, Table *t, lua_Integer key, const Value *val);
void tab_setstr(lua_State *L, Table *t, String *key, const Value *val);
/* Slot for key, creating it (value nil) when absent: for the interpreter's fast set.
 * Not for weak tables: a value written into the slot bypasses its attachment. */
Value *tab_slot(lua_State *L, Table *t, const Value *key);

lua_Unsigned tab_len(Table *t);                       /* a border, as lua5.4 */
/* Iteration: key at *key (nil to start); writes next key/value, returns 0 at end.
 * Raises "invalid key to 'next'" for a key not in the table. */
int tab_next(lua_State *L, Table *t, Value *key, Value *val);

/* ---- weak tables (__mode), driven by vm/gc.c; see spec/gc.md ----
 * A weak table's array and node storage is a libgc object of a kind of its own whose
 * mark procedure pushes only the strong references (strings always, keys in 'v' mode,
 * values under non-collectable or string keys in 'k' mode). In 'k' mode (ephemerons)
 * the value under a collectable key is also attached to the key object (`attach`, a
 * GC-visible list), so it is reachable exactly while its key is. */
#define WEAK_KEYS   1
#define WEAK_VALUES 2

/* One attachment: the value `val` stored under this object in weak-key table `table`
 * (hidden with GC_HIDE_POINTER: the attachment must not keep the table alive). */
struct GCAttach {
  struct GCAttach *next;
  uintptr_t table;
  Value val;
};

/* table.sort without an order function on t[1..n], when t is a plain table holding
 * only integers or only strings ("C" collation): sorts in place and returns 1; returns
 * 0, having done nothing, in every other case (vm/tabsort.c). */
int tab_sort_plain(lua_State *L, Table *t, lua_Unsigned n);
/* Its sort: n integers, or n strings ("C" collation), in ascending order. Quicksort
 * levels past `depth` switch to heapsort (tab_sort_plain gives 2 log2 n; the unit tests
 * give less, to reach the heapsort). */
void tab_sort_values(lua_State *L, Value *a, size_t n, int strings, int depth);

/* Give t the weak mode `mode` (0, WEAK_KEYS, WEAK_VALUES or both): moves its storage
 * to the matching kind and creates or drops its attachments. Called by gc.c. */
void tab_setweakmode(lua_State *L, Table *t, int mode);
/* Create the weak-storage kind (once, from the collector setup in vm/gc.c). */
void tab_init_kinds(void);
/* Collection-time pruning (world stopped or allocation lock held; never allocates).
 * `alive` says whether a collectable object survives this collection. Clears the
 * entries whose weak keys (when `what` has WEAK_KEYS) or weak values (WEAK_VALUES)
 * are dead; strings are values and never cleared. With `markstr`, calls it on the
 * strings of every entry kept (an all-weak table's storage marks none itself). */
void tab_prune(Table *t, int what, int (*alive)(const void *o),
               void (*markstr)(const void *s));
/* t itself is dead (unreachable, about to be freed): unlink its attachments from keys
 * that survive, so they stop keeping t's values alive. */
void tab_detachdead(Table *t, int (*alive)(const void *o));

#endif
