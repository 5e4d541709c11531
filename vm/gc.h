/* Heap glue: every Cove object is allocated here, on the Boehm collector (libgc).
 * Also owns collectgarbage's options, finalizers (__gc, run by Cove in Lua's order,
 * never inside the collector), weak tables (__mode) and the intern-table pruning hook.
 * See spec/gc.md. */
#ifndef COVE_GC_H
#define COVE_GC_H

#include "state.h"

/* One-time collector setup (idempotent; called by lua_newstate). */
void gc_init_collector(void);
/* Per-universe setup/teardown (GCState, collection-event hook registration).
 * gc_init is idempotent; str_init calls it first so the hook knows the universe. */
void gc_init(lua_State *L);
void gc_close(lua_State *L);

/* Allocate a collectable object of `size` bytes with tag `tt`; zero-filled.
 * Raises a memory error (LUA_ERRMEM) on failure. */
GCObject *gc_new(lua_State *L, size_t size, int tt);
/* Same for objects that hold no pointers (strings): GC_MALLOC_ATOMIC, NOT zero-filled
 * except the header. */
GCObject *gc_new_atomic(lua_State *L, size_t size, int tt);
/* Raw buffers (arrays of Values, code, ...): zero-filled, scanned. */
void *gc_alloc(lua_State *L, size_t size);
/* Pointer-free buffers: not scanned, not zeroed. */
void *gc_alloc_atomic(lua_State *L, size_t size);
/* Frees a block nothing else can reach (see gc.c). */
void gc_free(lua_State *L, void *block);
/* Zeroed object of a libgc kind made with GC_new_kind (weak-table storage, whose
 * kind has its own mark procedure: see vm/table.c). Raises LUA_ERRMEM on failure. */
void *gc_alloc_kind(lua_State *L, size_t size, int kind);
/* Does the collection under way prune this universe (read by mark procedures)? */
int gc_universe_pruned(const struct GCState *gs);
/* Has this thread been registered with the collector (cove_attachthread)? */
extern __thread int gc_attached __attribute__((tls_model("initial-exec")));
#define gc_ensure_attached() \
  do { if (unlikely(!gc_attached)) gc_attach_or_die(); } while (0)
/* cove_attachthread, or a message and abort() when the thread cannot be registered. */
void gc_attach_or_die(void);
int cove_attachthread(void);

/* Resize a buffer obtained from gc_alloc/gc_alloc_atomic (new part zeroed for gc_alloc). */
void *gc_realloc(lua_State *L, void *block, size_t oldsize, size_t newsize);

/* Called by setmetatable/lua_setmetatable after `o` gets metatable `mt`: registers
 * `o` for finalization when mt has __gc, and `o` (a table) as weak when mt has __mode. */
void gc_check_metatable(lua_State *L, GCObject *o, Table *mt);

/* Run pending finalizers (queued by the collector). Called at safe points and from
 * collectgarbage; never from inside the collector. Cheap when nothing is queued (one
 * libgc query). The caller makes L->top cover every live slot (in a Lua frame:
 * L->top = ci->top), since the finalizers run on top of it. */
void gc_run_pending_finalizers(lua_State *L);
/* Zero the C stack just below the caller (stale object pointers; see gc.c). */
void gc_clear_cstack_below(void);

/* Bits of the object header's gcflags (owned by vm/gc.c). */
#define GCF_FINREG 0x01   /* registered with the collector for __gc */

/* collectgarbage / lua_gc: `what` is a LUA_GC* option; returns as lua_gc does. */
int gc_control(lua_State *L, int what, int arg1, int arg2);

/* Call all pending finalizers of every object (lua_close). */
void gc_finalize_all(lua_State *L);

#endif
