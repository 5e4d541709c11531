/* Heap glue over the Boehm collector (libgc): allocation of every Cove object (small
 * scanned objects from per-universe inline free lists), collectgarbage's options,
 * finalizers (__gc: libgc's no-order finalizers only queue the object; Cove runs the
 * queue at safe points in lua5.4's order), weak tables (a registry of hidden table
 * pointers pruned from the collection hook, with the intern table) and the count of
 * live bytes. See spec/gc.md for what each part does on libgc and what is missing. */
#define _GNU_SOURCE  /* dladdr1, RTLD_DEFAULT */
#define GC_THREADS   /* GC_register_my_thread and friends (libgc is built with threads) */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <link.h>
#include <stdlib.h>
#include <unistd.h>
#include <gc/gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>

#include "gc.h"
#include "call.h"
#include "str.h"
#include "table.h"

/* A registered finalizer. While the object is registered the record holds it hidden
 * (the registry must not keep it alive); once libgc finds it unreachable the record
 * moves to the universe's queue and holds it visibly until its __gc has run. The
 * record is also libgc's client data, which keeps it (and its GCState) alive. */
typedef struct FinRec {
  struct FinRec *prev, *next;  /* registry (oldest first) or queue link */
  uintptr_t hidden;            /* GC_HIDE_POINTER(object) while registered */
  GCObject *obj;               /* object, once queued */
  struct GCState *gs;
  uint64_t seq;                /* registration order */
  int done;                    /* finalized by gc_finalize_all: ignore libgc's call */
} FinRec;

typedef struct GCState {
  /* Inline free lists of scanned objects by size in granules (gc_inline.h). They
   * must be traced, hence here, in an object on the collected heap. */
  void *tiny_fl[GC_TINY_FREELISTS];
  struct GCState *next_universe;
  global_State *g;
  FinRec registry;          /* circular list sentinel, oldest registration first */
  FinRec *incoming;         /* queued by libgc callbacks, in no particular order */
  FinRec *pending;          /* sorted: next finalizer to run first */
  uint64_t seq;
  int isrunning;            /* collectgarbage("stop"/"restart") */
  int mode;                 /* LUA_GCINC or LUA_GCGEN, as last set */
  int pause, stepmul, stepsize, minormul, majormul;  /* recorded, see spec/gc.md */
  int infinalizer;          /* running a __gc: lua_gc is refused, no nesting */
  int closing;              /* lua_close under way: no new registrations */
  size_t stepcredit;        /* KB of work collectgarbage("step") has asked for */
  uintptr_t *weak;          /* GC_HIDE_POINTER of every weak table (atomic block, 0 = free) */
  struct UniverseRefs *refs;  /* holds the two blocks' entries when not pruned */
  uint32_t nweak, capweak;
  /* Set at the start of each collection: does this collection prune this universe's
   * weak tables and intern table? Always, while one thread uses Cove; with several,
   * only the universe the collecting thread is allocating for (see "Threads"). A
   * universe that is not pruned holds everything in them strongly for the cycle. */
  int pruned;
} GCState;

/* Every open universe, for the collection hook. A GC root (static data), so the
 * GCStates and their global_States stay alive until gc_close unlinks them. Linked and
 * unlinked under libgc's allocation lock, which every collection holds. */
static GCState *universes;

/* ---- threads ----
 * libgc stops every registered thread anywhere, at any instruction, to collect. The
 * collection hook below writes into universes (prunes weak tables and the intern
 * table, drops free lists, scrubs stacks), which is safe only for a universe whose
 * thread is not half-way through changing them. While one thread uses Cove that is
 * always the case: collections start inside its own allocations, between changes.
 * Once a second thread has attached (gc_threaded), a collection prunes only the
 * universe the collecting thread is allocating for (gc_current: every path into
 * libgc sets it first); every other universe keeps all its weakly held objects and
 * interned strings for that cycle (mark procedures below), and is pruned by the
 * collections its own thread's allocations start. */
static int gc_threaded;
static __thread GCState *gc_current __attribute__((tls_model("initial-exec")));
__thread int gc_attached __attribute__((tls_model("initial-exec")));
static pthread_key_t detach_key;
/* Finalizer records (registry, incoming queue): libgc hands unreachable objects to
 * fin_queue on whichever thread asks for finalizers, so the lists of every universe
 * are changed under this lock. */
static pthread_mutex_t fin_lock = PTHREAD_MUTEX_INITIALIZER;

static inline void gc_enter(GCState *gs) {
  gc_current = gs;
}

/* ---- what a universe lists without holding (the weak-table registry, the intern
 * table) ----
 * Both are atomic blocks, never scanned. Each universe also owns a small object of a
 * kind of its own, UniverseRefs, whose mark procedure holds every entry of both, but
 * only in a collection that does not prune the universe (several threads, see
 * above): nothing they list may be freed while the universe's own thread can still
 * find it there. The blocks are read through the universe as they are now; their
 * extent comes from libgc (GC_size), so a block being replaced by its own thread
 * (a resize in progress) is read whole, whichever of the two is published. */
typedef struct UniverseRefs {
  GCState *gs;
} UniverseRefs;

static void push_block(uintptr_t *w, int tagged, struct GC_ms_entry **msp,
                       struct GC_ms_entry *msl) {
  if (w == NULL || GC_base(w) != (void *)w)
    return;
  size_t n = GC_size(w) / sizeof(uintptr_t);
  for (size_t i = 0; i < n; i++) {
    uintptr_t e = w[i];
    void *o;
    if (tagged)
      o = e > STRT_TOMB ? (void *)(e & STRT_ADDRMASK) : NULL;
    else
      o = e != 0 ? GC_REVEAL_POINTER(e) : NULL;
    if (o != NULL)
      *msp = GC_MARK_AND_PUSH(o, *msp, msl, (void **)&w[i]);
  }
}

static struct GC_ms_entry *refs_mark(GC_word *addr, struct GC_ms_entry *msp,
                                     struct GC_ms_entry *msl, GC_word env) {
  (void)env;
  UniverseRefs *r = (UniverseRefs *)addr;
  GCState *gs = r->gs;
  if (gs == NULL)
    return msp;
  msp = GC_MARK_AND_PUSH(gs, msp, msl, (void **)&r->gs);
  if (gs->pruned)
    return msp;
  uintptr_t *strt = __atomic_load_n(&gs->g->strt.hidden, __ATOMIC_RELAXED);
  uintptr_t *weak = __atomic_load_n(&gs->weak, __ATOMIC_RELAXED);
  push_block(strt, 1, &msp, msl);
  push_block(weak, 0, &msp, msl);
  return msp;
}

static int refs_kind;

int gc_universe_pruned(const struct GCState *gs) {
  return gs->pruned;
}

/* ---- the collection hook ---- */

/* Does collectable object o survive the collection under way? Valid from mark end
 * to reclaim end: a block that reclaim has freed answers NULL to GC_base (and, once
 * coalesced with a free neighbour, has no header at all, so GC_is_heap_ptr cannot
 * tell it from static data: every Cove object is on libgc's heap). */
static int gc_alive(const void *o) {
  void *base = GC_base((void *)o);
  return base != NULL && GC_is_marked(base);
}

/* Keep a string of a surviving all-weak entry (strings hold no pointers, so setting
 * the mark bit is all marking it takes). */
static void gc_markstr(const void *s) {
  void *base = GC_base((void *)s);
  if (base != NULL)
    GC_set_mark_bit(base);
}

/* Prune the weak tables of one universe (lua5.4's atomic phase, in two halves).
 * At mark end (before libgc marks what finalizers will reach): weak values whose
 * objects are unmarked go, so a finalizer never sees them; all-weak tables keep the
 * strings of their surviving entries. At reclaim end (after that marking): weak keys
 * go only if still unmarked, so a key being finalized stays until it is freed, and
 * tables that were unreachable at mark end but resurrected are pruned whole. A table
 * dead at reclaim end leaves the registry and drops its attachments. */
static void weak_prune(GCState *gs, int atreclaim) {
  for (uint32_t i = 0; i < gs->nweak;) {
    Table *t = (Table *)GC_REVEAL_POINTER(gs->weak[i]);
    int alive = gc_alive(t);
    int allweak = t->weakmode == (WEAK_KEYS | WEAK_VALUES);
    if (!atreclaim) {
      if (alive)
        tab_prune(t, WEAK_VALUES, gc_alive, allweak ? gc_markstr : NULL);
      else if (allweak)
        tab_prune(t, 0, gc_alive, gc_markstr);  /* in case it is resurrected */
      i++;
    } else if (alive) {
      tab_prune(t, WEAK_KEYS | WEAK_VALUES, gc_alive, NULL);
      i++;
    } else {
      tab_detachdead(t, gc_alive);
      gs->weak[i] = gs->weak[--gs->nweak];
      gs->weak[gs->nweak] = 0;  /* refs_mark reads the whole block */
    }
  }
}

/* Zero the payload of every nil or boolean slot of a thread's stack. Setting a slot
 * to nil writes its tag only (setnilvalue), and libgc scans payloads whatever the
 * tag says, so a nil local that last held a table would keep it alive. The payload
 * of nil and booleans means nothing, so this is safe even on live registers. */
static void scrub_stack(lua_State *th) {
  if (th == NULL || th->stack == NULL)
    return;
  for (Value *v = th->stack, *end = th->stack_last + EXTRA_STACK; v < end; v++) {
    if (v->tt <= TAG_TRUE)
      v->u.i = 0;
  }
}

static void GC_CALLBACK gc_event(GC_EventType ev) {
  if (ev == GC_EVENT_START) {
    /* Before marking (the allocation lock held, on the thread that allocates). The
     * inline free lists are dropped: their objects would otherwise be marked (the
     * GCState is traced) and counted as live by collectgarbage("count"), a batch of
     * up to a page per size that comes and goes with refills. The next allocation of
     * each size refills its list (GC_MALLOC_WORDS treats NULL as empty). */
    int threaded = __atomic_load_n(&gc_threaded, __ATOMIC_ACQUIRE);
    for (GCState *gs = universes; gs != NULL; gs = gs->next_universe) {
      gs->pruned = !threaded || gs == gc_current;
      if (!gs->pruned)
        continue;  /* another thread may be popping its free list or writing its stack */
      memset(gs->tiny_fl, 0, sizeof(gs->tiny_fl));
      scrub_stack(gs->g->mainthread);
    }
  } else if (ev == GC_EVENT_MARK_END) {
    /* Marking is complete and the world is stopped: anything unmarked is garbage
     * (modulo finalization, which may still resurrect it). Weak tables first: they
     * may mark strings, which the intern table must then keep. */
    for (GCState *gs = universes; gs != NULL; gs = gs->next_universe) {
      if (gs->pruned) {
        weak_prune(gs, 0);
        str_prune(gs->g);
      }
    }
  } else if (ev == GC_EVENT_RECLAIM_END) {
    for (GCState *gs = universes; gs != NULL; gs = gs->next_universe)
      if (gs->pruned)
        weak_prune(gs, 1);
    /* A finalizer was queued: objects it reaches, pruned strings among them, survive
     * this cycle, so an equal string created later may be a second copy. */
    if (GC_should_invoke_finalizers())
      str_maybe_dup = 1;
  }
}

/* ---- libgc's own false roots ---- */

/* libgc scans the data segments of every loaded library as roots, its own included
 * except its big GC_arrays block. One static outside it, the mmap placement hint in
 * GC_unix_mmap_get_mem (`last_addr`), holds the end of the newest heap chunk, which,
 * as the kernel places mappings top down, is the first block of the previous chunk: a
 * large object there (a 4 MB string) stays alive until the heap grows again, and
 * collectgarbage("count") never drops. The word has no symbol, so it is found by what
 * it does: across a heap expansion, a word of libgc's writable segment that changes to
 * exactly the new chunk's end (a page boundary that lies the growth above a heap
 * block) is that hint, and is excluded from the roots. GC_arrays (already excluded:
 * libgc aborts on overlapping exclusions) is not searched; when it cannot be located,
 * nothing is excluded. */
typedef struct LibSeg { char *start; size_t len; } LibSeg;

static int find_libgc_seg(struct dl_phdr_info *info, size_t size, void *ud) {
  (void)size;
  LibSeg *seg = ud;
  uintptr_t fn = (uintptr_t)&GC_malloc;
  int hasfn = 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && fn >= lo && fn < lo + ph->p_memsz)
      hasfn = 1;
  }
  if (!hasfn)
    return 0;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W)) {
      uintptr_t lo = (info->dlpi_addr + ph->p_vaddr) & ~(uintptr_t)(sizeof(void *) - 1);
      uintptr_t hi = info->dlpi_addr + ph->p_vaddr + ph->p_memsz;
      seg->start = (char *)lo;
      seg->len = (hi - lo) / sizeof(uintptr_t);
    }
  }
  return 1;
}

/* Where GC_arrays lies, from the dynamic symbol table, or [0, 0). */
static void libgc_arrays(uintptr_t *lo, uintptr_t *hi) {
  void *arrays = dlsym(RTLD_DEFAULT, "GC_arrays");
  Dl_info info;
  const ElfW(Sym) *sym = NULL;
  *lo = *hi = 0;
  if (arrays != NULL && dladdr1(arrays, &info, (void **)&sym, RTLD_DL_SYMENT) && sym != NULL) {
    *lo = (uintptr_t)arrays;
    *hi = *lo + sym->st_size;
  }
}

/* Snapshot of the part of libgc's writable segment outside GC_arrays (~70 KB). */
typedef struct HintScan { uintptr_t *lo[2], *hi[2], *copy[2]; } HintScan;

/* Word loops, not memcpy/memcmp: when libgc is linked into the executable (the `cove`
 * command links it statically) its writable segment is the executable's, and the scan
 * runs across the globals' ASan redzones, which the interceptors would report. */
#if defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
static void copy_words(uintptr_t *dst, const uintptr_t *src, size_t n) {
  for (size_t i = 0; i < n; i++)
    dst[i] = ((const volatile uintptr_t *)src)[i];
}

#if defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
static int same_words(const uintptr_t *a, const uintptr_t *b, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (((const volatile uintptr_t *)a)[i] != b[i])
      return 0;
  return 1;
}

#if defined(__GNUC__)
__attribute__((no_sanitize_address))
#endif
static void expand_heap_excluding_hint(size_t bytes) {
  LibSeg seg = {NULL, 0};
  uintptr_t arrlo, arrhi;
  dl_iterate_phdr(find_libgc_seg, &seg);
  libgc_arrays(&arrlo, &arrhi);
  uintptr_t *segend = (uintptr_t *)seg.start + seg.len;
  if (seg.len == 0 || arrlo < (uintptr_t)seg.start || arrhi > (uintptr_t)segend) {
    GC_expand_hp(bytes);  /* an unknown layout: exclude nothing */
    return;
  }
  HintScan hs = {{(uintptr_t *)seg.start, (uintptr_t *)((arrhi + 7) & ~(uintptr_t)7)},
                 {(uintptr_t *)(arrlo & ~(uintptr_t)7), segend}, {NULL, NULL}};
  for (int r = 0; r < 2; r++) {
    size_t n = (size_t)(hs.hi[r] - hs.lo[r]);
    hs.copy[r] = n ? malloc(n * sizeof(uintptr_t)) : NULL;
    if (hs.copy[r] != NULL)
      copy_words(hs.copy[r], hs.lo[r], n);
  }
  size_t oldheap = GC_get_heap_size();
  int ok = GC_expand_hp(bytes);
  uintptr_t grown = GC_get_heap_size() - oldheap, page = (uintptr_t)sysconf(_SC_PAGESIZE);
  for (int r = 0; r < 2; r++) {
    if (hs.copy[r] == NULL)
      continue;
    size_t n = ok && grown != 0 ? (size_t)(hs.hi[r] - hs.lo[r]) : 0;
    for (size_t i = 0; i < n; i += 32) {
      /* most of the segment is unchanged: skip 32 equal words at a time */
      size_t m = n - i < 32 ? n - i : 32;
      if (same_words(&hs.lo[r][i], &hs.copy[r][i], m))
        continue;
      for (size_t k = 0; k < m; k++) {
        uintptr_t *w = &hs.lo[r][i + k], v = *w;
        if (v != hs.copy[r][i + k] && v > grown && (v & (page - 1)) == 0 &&
            GC_is_heap_ptr((void *)(v - grown)))
          GC_exclude_static_roots(w, w + 1);
      }
    }
    free(hs.copy[r]);
  }
}

static void detach_at_exit(void *p) {
  (void)p;
  GC_unregister_my_thread();
}

static pthread_once_t collector_once = PTHREAD_ONCE_INIT;
static int collector_started, single_threaded;

void cove_singlethreaded(void) {
  if (!__atomic_load_n(&collector_started, __ATOMIC_ACQUIRE))
    single_threaded = 1;
}

static void init_collector_once(void) {
  __atomic_store_n(&collector_started, 1, __ATOMIC_RELEASE);
  /* Start-up cost (`cove -e ''`): skip libgc's initial collection, which only marks the
   * static roots while nothing is allocated yet (~150K instructions), and hand it the
   * main stack's cold end, which glibc knows, instead of pthread_getattr_np parsing
   * /proc/self/maps with sscanf (~100K instructions). */
  GC_set_dont_precollect(1);
#ifdef __GLIBC__
  if (getpid() == gettid()) {  /* the process's first thread: its stack is glibc's */
    extern void *__libc_stack_end;
    struct GC_stack_base sb = {.mem_base = __libc_stack_end};
    GC_set_stackbottom(NULL, &sb);
  }
#endif
  GC_INIT();
  /* Threads other than this one register themselves (cove_attachthread). This also
   * makes libgc take its lock on every allocation that reaches it (~1% more
   * instructions in allocation-heavy code), which cove_singlethreaded avoids. */
  if (!single_threaded)
    GC_allow_register_threads();
  pthread_key_create(&detach_key, detach_at_exit);
  gc_attached = 1;  /* GC_INIT registered this thread */
  refs_kind = (int)GC_new_kind(GC_new_free_list(), GC_MAKE_PROC(GC_new_proc(refs_mark), 0),
                               0, 1);
  tab_init_kinds();
  /* The skipped collection would otherwise only move to the first time the 64 KiB
   * initial heap runs out, which the standard libraries alone already do (~120 KiB);
   * untouched heap pages cost no RSS. */
  expand_heap_excluding_hint(256 * 1024);
  /* libgc paces collections at ~(2 x pointerful + atomic/4 live bytes)/3 allocated,
   * so a small live set collects far more often than lua5.4's pause of 200 would
   * (string_build: 5,730 collections, each also marking every static root). A 1 MiB
   * floor cuts that to ~1,000 (-20% CPU) for ~1-2 MB more peak RSS. */
  GC_set_min_bytes_allocd(1024 * 1024);
  /* Finalizers run only when Cove asks (gc_run_pending_finalizers), never from an
   * arbitrary allocation inside the VM. */
  GC_set_finalize_on_demand(1);
  GC_set_on_collection_event(gc_event);
}

void gc_init_collector(void) {
  pthread_once(&collector_once, init_collector_once);
}

/* ---- thread attachment (cove.h) ---- */

int cove_attachthread(void) {
  gc_init_collector();
  if (gc_attached)
    return 0;
  if (!GC_thread_is_registered()) {
    if (single_threaded)
      return -1;  /* cove_singlethreaded: libgc cannot take a second thread now */
    struct GC_stack_base sb;
    if (GC_get_stack_base(&sb) != GC_SUCCESS)
      return -1;
    int r = GC_register_my_thread(&sb);
    if (r != GC_SUCCESS && r != GC_DUPLICATE)
      return -1;
    if (r == GC_SUCCESS) {
      pthread_setspecific(detach_key, (void *)1);  /* unregister when the thread ends */
      __atomic_store_n(&gc_threaded, 1, __ATOMIC_RELEASE);
    }
  }
  gc_attached = 1;
  return 0;
}

void gc_attach_or_die(void) {
  if (cove_attachthread() != 0) {
    fputs("cove: a thread that is not registered with the collector called into Cove, and it "
          "cannot be registered (cove_singlethreaded was called, or its stack is unknown)\n",
          stderr);
    abort();
  }
}

void cove_detachthread(void) {
  if (!gc_attached || pthread_getspecific(detach_key) == NULL)
    return;  /* never attached, or the thread that set up the collector */
  gc_current = NULL;
  pthread_setspecific(detach_key, NULL);
  GC_unregister_my_thread();
  gc_attached = 0;
}

/* ---- allocation ---- */

static COLD NORETURN void gc_memerror(lua_State *L) {
  global_State *g = G(L);
  if (g != NULL && g->memerrmsg != NULL)
    setsvalue(L->top, g->memerrmsg);
  else
    setnilvalue(L->top);
  L->top++;
  vm_throw(L, LUA_ERRMEM);
}

static inline GCState *gcstate(lua_State *L) {
  return (L != NULL && G(L) != NULL) ? G(L)->gc : NULL;
}

/* Zeroed, scanned memory. Small sizes come from the universe's inline free lists:
 * one pointer pop instead of a call into libgc. One extra byte is requested, as
 * GC_MALLOC does, so that a pointer just past the end still points into the object. */
static inline void *alloc_scanned(lua_State *L, size_t size) {
  GCState *gs = gcstate(L);
  void *p;
  gc_enter(gs);
  if (likely(gs != NULL)) {
    size_t words = (size + sizeof(void *)) / sizeof(void *);
    GC_MALLOC_WORDS(p, words, gs->tiny_fl);
  } else {
    p = GC_MALLOC(size ? size : 1);
  }
  if (unlikely(p == NULL) && L != NULL)
    gc_memerror(L);
  return p;
}

HOT GCObject *gc_new(lua_State *L, size_t size, int tt) {
  GCObject *o = alloc_scanned(L, size);
  o->tt = (uint8_t)tt;
  return o;
}

HOT GCObject *gc_new_atomic(lua_State *L, size_t size, int tt) {
  gc_enter(gcstate(L));
  GCObject *o = GC_MALLOC_ATOMIC(size);
  if (unlikely(o == NULL)) {
    if (L != NULL)
      gc_memerror(L);
    return NULL;
  }
  o->attach = NULL;
  o->tt = (uint8_t)tt;
  o->gcflags = 0;
  return o;
}

HOT void *gc_alloc(lua_State *L, size_t size) {
  return alloc_scanned(L, size);
}

void *gc_alloc_atomic(lua_State *L, size_t size) {
  gc_enter(gcstate(L));
  void *p = GC_MALLOC_ATOMIC(size ? size : 1);
  if (unlikely(p == NULL) && L != NULL)
    gc_memerror(L);
  return p;
}

/* Hands a block back to libgc at once. Only for a block the caller knows nothing else
 * can reach (a lauxlib buffer's outgrown or finished block): the next allocation of its
 * size reuses memory still in the cache instead of a fresh line. */
void gc_free(lua_State *L, void *block) {
  gc_enter(gcstate(L));
  GC_FREE(block);
}

void *gc_alloc_kind(lua_State *L, size_t size, int kind) {
  gc_enter(gcstate(L));
  void *p = GC_generic_malloc(size ? size : 1, kind);
  if (unlikely(p == NULL) && L != NULL)
    gc_memerror(L);
  return p;
}

void *gc_realloc(lua_State *L, void *block, size_t oldsize, size_t newsize) {
  gc_enter(gcstate(L));
  void *p = GC_REALLOC(block, newsize ? newsize : 1);
  if (unlikely(p == NULL) && L != NULL)
    gc_memerror(L);
  if (newsize > oldsize)
    memset((char *)p + oldsize, 0, newsize - oldsize);
  return p;
}

/* ---- per-universe setup ---- */

static void *link_universe(void *p) {
  GCState *gs = p;
  gs->next_universe = universes;
  universes = gs;
  return NULL;
}

static void *unlink_universe(void *p) {
  GCState *gs = p;
  for (GCState **pp = &universes; *pp != NULL; pp = &(*pp)->next_universe) {
    if (*pp == gs) {
      *pp = gs->next_universe;
      break;
    }
  }
  gs->pruned = 1;  /* its blocks, if a stale pointer keeps any, hold nothing extra */
  return NULL;
}

void gc_init(lua_State *L) {
  gc_init_collector();
  if (G(L)->gc != NULL)
    return;  /* already done by str_init */
  gc_enter(NULL);
  GCState *gs = GC_MALLOC(sizeof(GCState));
  if (gs == NULL)
    gc_memerror(L);
  gs->pruned = 1;
  gs->refs = GC_generic_malloc(sizeof(struct UniverseRefs), refs_kind);
  if (gs->refs == NULL)
    gc_memerror(L);
  gs->refs->gs = gs;
  gs->g = G(L);
  gs->registry.prev = gs->registry.next = &gs->registry;
  gs->isrunning = 1;
  gs->mode = LUA_GCINC;
  gs->pause = 200;     /* lua5.4's defaults (LUAI_GCPAUSE, LUAI_GCMUL, LUAI_GCSTEPSIZE) */
  gs->stepmul = 100;
  gs->stepsize = 13;
  gs->minormul = 20;
  gs->majormul = 100;
  G(L)->gc = gs;
  GC_call_with_alloc_lock(link_universe, gs);
}

void gc_close(lua_State *L) {
  GCState *gs = G(L)->gc;
  if (gs == NULL)
    return;
  GC_call_with_alloc_lock(unlink_universe, gs);
  if (gc_current == gs)
    gc_current = NULL;
  if (!gs->isrunning)
    GC_enable();
  gs->isrunning = 1;
}

/* ---- finalizers ---- */

/* libgc found a registered object unreachable (called from GC_invoke_finalizers,
 * outside the collector). Only queue it: __gc runs later, at a safe point. */
static void GC_CALLBACK fin_queue(void *obj, void *client_data) {
  FinRec *r = client_data;
  pthread_mutex_lock(&fin_lock);
  if (!r->done) {
    r->prev->next = r->next;
    r->next->prev = r->prev;
    r->hidden = 0;
    r->obj = obj;
    r->obj->gcflags &= (uint8_t)~GCF_FINREG;
    r->next = r->gs->incoming;
    r->gs->incoming = r;
  }
  pthread_mutex_unlock(&fin_lock);
}

static Table *gc_metatable(GCObject *o) {
  if (o->tt == TAG_TABLE)
    return ((Table *)o)->metatable;
  if (o->tt == TAG_UDATA)
    return ((Udata *)o)->metatable;
  return NULL;
}

static const Value *gc_field(lua_State *L, Table *mt, TMS event) {
  String *name = G(L)->tmname[event];
  return name ? tab_getshortstr(mt, name) : NULL;
}

/* Weak mode asked for by a metatable's __mode: 'k' and 'v' anywhere in a string. */
static int weak_modeof(lua_State *L, Table *mt) {
  const Value *mode = mt != NULL ? gc_field(L, mt, TM_MODE) : NULL;
  int bits = 0;
  if (mode != NULL && ttisstring(mode)) {
    const String *s = strvalue(mode);
    if (memchr(s->data, 'k', s->len) != NULL)
      bits |= WEAK_KEYS;
    if (memchr(s->data, 'v', s->len) != NULL)
      bits |= WEAK_VALUES;
  }
  return bits;
}

static void weak_unregister(GCState *gs, Table *t) {
  uintptr_t h = GC_HIDE_POINTER(t);
  for (uint32_t i = 0; i < gs->nweak; i++) {
    if (gs->weak[i] == h) {
      gs->weak[i] = gs->weak[--gs->nweak];
      gs->weak[gs->nweak] = 0;
      return;
    }
  }
}

/* Give table t the weak mode its new metatable asks for. The registry grows before
 * the storage changes, so no collection can see a weak table that is not in it. */
static void weak_update(lua_State *L, GCState *gs, Table *t, Table *mt) {
  int mode = weak_modeof(L, mt), oldmode = t->weakmode;
  if (mode == oldmode)
    return;
  if (oldmode == 0 && gs->nweak == gs->capweak) {
    uint32_t cap = gs->capweak ? gs->capweak * 2 : 16;
    uintptr_t *w = gc_alloc_atomic(L, cap * sizeof(uintptr_t));
    memset(w, 0, cap * sizeof(uintptr_t));  /* refs_mark reads the whole block */
    if (gs->nweak)
      memcpy(w, gs->weak, gs->nweak * sizeof(uintptr_t));
    gs->weak = w;
    gs->capweak = cap;
  }
  tab_setweakmode(L, t, mode);
  if (mode == 0)
    weak_unregister(gs, t);
  else if (oldmode == 0)
    gs->weak[gs->nweak++] = GC_HIDE_POINTER(t);
}

void gc_check_metatable(lua_State *L, GCObject *o, Table *mt) {
  GCState *gs = G(L)->gc;
  if (gs == NULL)
    return;
  if (o->tt == TAG_TABLE)
    weak_update(L, gs, (Table *)o, mt);
  if (mt == NULL)
    return;
  if (!(o->gcflags & GCF_FINREG) && !gs->closing) {
    const Value *tm = gc_field(L, mt, TM_GC);
    if (tm != NULL && !ttisnil(tm)) {
      FinRec *r = gc_alloc(L, sizeof(FinRec));
      r->gs = gs;
      r->seq = ++gs->seq;
      r->hidden = GC_HIDE_POINTER(o);
      pthread_mutex_lock(&fin_lock);
      r->prev = gs->registry.prev;
      r->next = &gs->registry;
      r->prev->next = r;
      gs->registry.prev = r;
      pthread_mutex_unlock(&fin_lock);
      o->gcflags |= GCF_FINREG;
      gc_enter(gs);
      GC_register_finalizer_no_order(o, fin_queue, r, NULL, NULL);
    }
  }
}

/* Merge sort of a queue list by registration number, newest first: lua5.4 calls the
 * finalizers of one cycle in the reverse order of their registration. */
static FinRec *fin_sort(FinRec *list) {
  if (list == NULL || list->next == NULL)
    return list;
  FinRec *slow = list, *fast = list->next;
  while (fast != NULL && fast->next != NULL) {
    slow = slow->next;
    fast = fast->next->next;
  }
  FinRec *second = slow->next;
  slow->next = NULL;
  FinRec *a = fin_sort(list), *b = fin_sort(second);
  FinRec head, *tail = &head;
  while (a != NULL && b != NULL) {
    if (a->seq > b->seq) { tail->next = a; a = a->next; }
    else { tail->next = b; b = b->next; }
    tail = tail->next;
  }
  tail->next = a != NULL ? a : b;
  return head.next;
}

static void fin_docall(lua_State *L, void *ud) {
  (void)ud;
  vm_call(L, L->top - 2, 0);
}

/* Send "error in __gc (msg)" to the warning function, as lua5.4's luaE_warnerror. */
static void fin_warn(lua_State *L) {
  global_State *g = G(L);
  const Value *err = L->top - 1;
  const char *msg = ttisstring(err) ? getstr(strvalue(err)) : "error object is not a string";
  if (g->warnf == NULL)
    return;
  g->warnf(g->ud_warn, "error in ", 1);
  g->warnf(g->ud_warn, "__gc", 1);
  g->warnf(g->ud_warn, " (", 1);
  g->warnf(g->ud_warn, msg, 1);
  g->warnf(g->ud_warn, ")", 0);
}

/* Call o's __gc (looked up now, as lua5.4 does) in protected mode. */
static void fin_call(lua_State *L, GCObject *o) {
  GCState *gs = G(L)->gc;
  Table *mt = gc_metatable(o);
  const Value *tm = mt != NULL ? gc_field(L, mt, TM_GC) : NULL;
  if (tm == NULL || ttisnil(tm))
    return;
  vm_checkstack(L, 2);
  setobj(L->top, tm);
  setgcvalue(L->top + 1, o, o->tt);
  L->top += 2;
  uint8_t oldallowhook = L->allowhook;
  L->allowhook = 0;
  gs->infinalizer = 1;
  L->ci->callstatus |= CIST_FIN;
  int status = vm_pcall(L, fin_docall, NULL, savestack(L, L->top - 2), 0);
  L->ci->callstatus &= ~CIST_FIN;
  gs->infinalizer = 0;
  L->allowhook = oldallowhook;
  if (status != LUA_OK) {
    fin_warn(L);
    L->top--;
  }
}

void gc_run_pending_finalizers(lua_State *L) {
  GCState *gs = G(L)->gc;
  if (gs == NULL || gs->infinalizer)
    return;
  if (GC_should_invoke_finalizers()) {
    gc_enter(gs);
    GC_invoke_finalizers();
  }
  if (__atomic_load_n(&gs->incoming, __ATOMIC_RELAXED) != NULL) {
    pthread_mutex_lock(&fin_lock);
    FinRec *incoming = gs->incoming;
    gs->incoming = NULL;
    pthread_mutex_unlock(&fin_lock);
    /* a new batch runs after what is already pending */
    FinRec *batch = fin_sort(incoming);
    FinRec **tail = &gs->pending;
    while (*tail != NULL)
      tail = &(*tail)->next;
    *tail = batch;
  }
  while (gs->pending != NULL) {
    FinRec *r = gs->pending;
    gs->pending = r->next;
    GCObject *o = r->obj;
    r->obj = NULL;
    r->next = NULL;
    fin_call(L, o);
  }
}

void gc_finalize_all(lua_State *L) {
  GCState *gs = G(L)->gc;
  if (gs == NULL)
    return;
  gc_run_pending_finalizers(L);
  gs->closing = 1;
  /* Newest registration first. Each record leaves the registry before its __gc
   * runs, so a finalizer that touches other objects sees a consistent list. */
  gc_enter(gs);
  for (;;) {
    pthread_mutex_lock(&fin_lock);
    /* With several threads, another thread's GC_invoke_finalizers may move records
     * of ours to the queue while we run these: they are finalized here too. */
    FinRec *queued = gs->incoming;
    gs->incoming = NULL;
    if (queued != NULL) {
      pthread_mutex_unlock(&fin_lock);
      for (FinRec *q = fin_sort(queued), *next; q != NULL; q = next) {
        next = q->next;
        GCObject *o = q->obj;
        q->obj = NULL;
        q->next = NULL;
        fin_call(L, o);
      }
      continue;
    }
    FinRec *r = gs->registry.prev;
    if (r == &gs->registry) {
      pthread_mutex_unlock(&fin_lock);
      break;
    }
    r->prev->next = r->next;
    r->next->prev = r->prev;
    GCObject *o = (GCObject *)GC_REVEAL_POINTER(r->hidden);
    r->done = 1;
    r->hidden = 0;
    pthread_mutex_unlock(&fin_lock);
    GC_register_finalizer_no_order(o, NULL, NULL, NULL, NULL);
    o->gcflags &= (uint8_t)~GCF_FINREG;
    fin_call(L, o);
  }
}

/* ---- collectgarbage ---- */

static void GC_CALLBACK count_object(void *obj, size_t bytes, void *ud) {
  (void)obj;
  *(size_t *)ud += bytes;
}

static void *count_marked(void *ud) {
  size_t sum = 0;
  GC_enumerate_reachable_objects_inner(count_object, &sum);
  *(size_t *)ud = sum;
  return NULL;
}

/* Bytes waiting on the inline free lists. libgc counts a whole refill (up to a block)
 * as allocated when it hands it over; the lists are dropped at every collection, so
 * all of it was counted in GC_get_bytes_since_gc and none of it is in use. */
static size_t freelist_bytes_of(GCState *gs) {
  size_t sum = 0;
  for (size_t grans = 1; grans < GC_TINY_FREELISTS; grans++) {
    for (void *p = gs->tiny_fl[grans]; (uintptr_t)p > 4096; p = *(void **)p)
      sum += grans * GC_GRANULE_BYTES;
  }
  return sum;
}

/* With several threads only the caller's lists: another thread may be popping its own,
 * and what those hold then counts as in use. */
static void *freelist_bytes_locked(void *p) {
  size_t *sum = p;
  for (GCState *gs = universes; gs != NULL; gs = gs->next_universe)
    *sum += freelist_bytes_of(gs);
  return NULL;
}

static size_t freelist_bytes(GCState *own) {
  size_t sum = 0;
  if (__atomic_load_n(&gc_threaded, __ATOMIC_ACQUIRE))
    return freelist_bytes_of(own);
  GC_call_with_alloc_lock(freelist_bytes_locked, &sum);
  return sum;
}

/* Bytes in use: what the last collection found reachable (its mark bits stay valid
 * until the next one starts; summed once per collection, on demand) plus what was
 * allocated since, less what sits unused on the free lists. Free heap blocks alone
 * would not do: garbage mixed with live objects in a block would never show as
 * freed. Capped by the blocks in use. */
static size_t heap_inuse(GCState *own) {
  static GC_word counted_gc = (GC_word)-1;
  static size_t marked_bytes;
  static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;
  pthread_mutex_lock(&count_lock);
  GC_word gcno = GC_get_gc_no();
  if (gcno != counted_gc) {
    marked_bytes = 0;
    if (gcno != 0)
      GC_call_with_alloc_lock(count_marked, &marked_bytes);
    counted_gc = gcno;
  }
  size_t marked = marked_bytes;
  pthread_mutex_unlock(&count_lock);
  size_t since = GC_get_bytes_since_gc(), unused = freelist_bytes(own);
  size_t estimate = marked + (since > unused ? since - unused : 0);
  size_t heap = GC_get_heap_size(), freeb = GC_get_free_bytes();
  size_t blocks = heap > freeb ? heap - freeb : 0;
  return estimate < blocks ? estimate : blocks;
}

/* A full collection even while collectgarbage("stop") is in effect: lua5.4 still
 * collects on an explicit request. The dead part of the running thread's stack
 * (above L->top: temporaries of finished expressions, the caller's spent registers)
 * is zeroed first, payloads included, as lua5.4 clears it in its atomic phase;
 * otherwise a stale slot keeps its object alive (libgc scans payloads whatever the
 * tag says). */
/* Zero the C stack below the caller's frame, where the collector's own frames will
 * lie: stale words left there by earlier deep calls (table resizes, the compiler)
 * would otherwise be scanned as roots. */
#if defined(__GNUC__)
__attribute__((no_sanitize_address))  /* ASan would leave redzones uncleared */
#endif
static NOINLINE void clear_cstack(void) {
  volatile char area[16384];
  memset((char *)area, 0, sizeof(area));
  __asm__ volatile("" : : "r"(area) : "memory");
}

/* For the interpreter's safe points: C functions called from vm_execute leave object
 * pointers in the stack area just below its frame, where a later collection started
 * deeper down (by an allocation) scans them as live. A conservative scan cannot tell, so
 * the area is cleared every safe point (a 4 KB memset every 65536 budget units). */
NOINLINE void gc_clear_cstack_below(void) {
  volatile char area[4096];
  memset((char *)area, 0, sizeof(area));
  __asm__ volatile("" : : "r"(area) : "memory");
}

static void full_collect(lua_State *L, GCState *gs) {
  Value *end = L->stack_last + EXTRA_STACK;
  clear_cstack();
  scrub_stack(L);  /* the running thread may be a coroutine */
  if (L->top < end)
    memset((void *)L->top, 0, (size_t)(end - L->top) * sizeof(Value));
  if (!gs->isrunning)
    GC_enable();
  gc_enter(gs);
  GC_gcollect();
  if (!gs->isrunning)
    GC_disable();
  gs->stepcredit = 0;
}

/* A pause or step multiplier as lua5.4 keeps it: a byte holding value/4, so
 * collectgarbage("setpause", 150) later reports 148, and 2000 comes back as 976. */
#define GC_PARAM(v) ((int)(unsigned char)((v) / 4) * 4)

/* Work one step stands for when collectgarbage("step") gets no size, in KB. */
#define GC_BASICSTEP_KB 64

int gc_control(lua_State *L, int what, int arg1, int arg2) {
  GCState *gs = G(L)->gc;
  int res = 0;
  if (gs->infinalizer)
    return -1;  /* lua5.4.4: every option is refused inside a finalizer */
  switch (what) {
  case LUA_GCSTOP:
    if (gs->isrunning)
      GC_disable();
    gs->isrunning = 0;
    break;
  case LUA_GCRESTART:
    if (!gs->isrunning)
      GC_enable();
    gs->isrunning = 1;
    break;
  case LUA_GCCOLLECT:
    full_collect(L, gs);
    gc_run_pending_finalizers(L);
    break;
  case LUA_GCCOUNT:
    res = (int)(heap_inuse(gs) >> 10);
    break;
  case LUA_GCCOUNTB:
    res = (int)(heap_inuse(gs) & 0x3ff);
    break;
  case LUA_GCSTEP: {
    /* libgc collects in whole cycles here (no incremental mode): a step adds its
     * size to a credit and finishes a cycle once the credit covers the heap in use,
     * so "repeat ... until collectgarbage('step')" always terminates. */
    GC_word before = GC_get_gc_no();
    gs->stepcredit += arg1 > 0 ? (size_t)arg1 : GC_BASICSTEP_KB;
    /* In generational mode every step is a (minor, here full) collection, as in
     * lua5.4: scripts rely on a step clearing weak tables there. */
    if (gs->mode == LUA_GCGEN || gs->stepcredit >= (heap_inuse(gs) >> 10))
      full_collect(L, gs);
    else if (gs->isrunning) {
      gc_enter(gs);
      GC_collect_a_little();
    }
    if (GC_get_gc_no() != before) {
      gs->stepcredit = 0;
      res = 1;
      gc_run_pending_finalizers(L);
    }
    break;
  }
  case LUA_GCSETPAUSE:
    res = gs->pause;
    gs->pause = GC_PARAM(arg1);
    break;
  case LUA_GCSETSTEPMUL:
    res = gs->stepmul;
    gs->stepmul = GC_PARAM(arg1);
    break;
  case LUA_GCISRUNNING:
    res = gs->isrunning;
    break;
  case LUA_GCGEN:
    res = gs->mode;
    if (arg1 != 0) gs->minormul = arg1;
    if (arg2 != 0) gs->majormul = arg2;
    gs->mode = LUA_GCGEN;
    break;
  case LUA_GCINC:
    res = gs->mode;
    if (arg1 != 0) gs->pause = GC_PARAM(arg1);
    if (arg2 != 0) gs->stepmul = GC_PARAM(arg2);
    gs->mode = LUA_GCINC;
    break;
  default:
    res = -1;
  }
  return res;
}
