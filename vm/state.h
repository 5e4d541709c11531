/* Threads (lua_State), the state shared by all threads of one Lua universe
 * (global_State), and call frames. Owned by vm/state.c (creation), vm/call.c (frames,
 * errors, coroutines) and read by the interpreter and the C API.
 *
 * Frames: each thread has a growable value stack. A frame is the function slot followed
 * by its arguments and registers; its bookkeeping lives in a CallInfo record kept in a
 * per-thread array (not a linked list of mallocs). spec/vm.md explains why this differs
 * from ARCHITECTURE.md's "links in the stack" and how a JIT exit rebuilds frames. */
#ifndef COVE_STATE_H
#define COVE_STATE_H

#include <setjmp.h>

#include "object.h"
#include "opcodes.h"

/* ---- call frames ---- */
#define CIST_LUA      (1u << 0)  /* frame runs a Lua function */
#define CIST_FRESH    (1u << 1)  /* interpreter was entered for this frame (return leaves vm_execute) */
#define CIST_HOOKED   (1u << 2)  /* running a hook */
#define CIST_YPCALL   (1u << 3)  /* a yieldable protected call */
#define CIST_TAIL     (1u << 4)  /* frame was reached by a tail call */
#define CIST_FIN      (1u << 5)  /* running a finalizer */
#define CIST_CLSRET   (1u << 6)  /* closing tbc variables on return */
#define CIST_TRAN     (1u << 7)  /* has transfer info for hooks */

typedef struct CallInfo {
  Value *func;               /* function slot; arguments start at func + 1 */
  Value *top;                /* top for this function (Lua: func + 1 + maxstacksize) */
  int nresults;              /* expected results from this call (LUA_MULTRET = -1) */
  unsigned callstatus;       /* CIST_* */
  union {
    struct {                 /* Lua frames */
      const Instruction *savedpc;
      int nextraargs;        /* number of extra (vararg) arguments */
    } l;
    struct {                 /* C frames */
      lua_KFunction k;       /* continuation for yields */
      ptrdiff_t old_errfunc;
      lua_KContext ctx;
    } c;
  } u;
  union {
    int funcidx;             /* called-function index (protected calls) */
    int nyield;              /* values yielded */
    int nres;                /* values returned */
  } u2;
  /* Values transferred by the call or return a hook reports (lua_getinfo 'r'): valid
   * while CIST_TRAN is set. First slot relative to func, and count. */
  unsigned short ftransfer;
  unsigned short ntransfer;
} CallInfo;

/* ---- per-universe state ---- */
typedef struct StringTable {
  uintptr_t *hidden;         /* GC_HIDE_POINTER'ed String* entries, open addressing (vm/str.c) */
  uint32_t size;             /* power of two */
  uint32_t count;
} StringTable;

/* Metamethod events, in lua5.4's order (fast-access ones first, ORDER TM). */
typedef enum {
  TM_INDEX, TM_NEWINDEX, TM_GC, TM_MODE, TM_LEN, TM_EQ,
  TM_ADD, TM_SUB, TM_MUL, TM_MOD, TM_POW, TM_DIV, TM_IDIV,
  TM_BAND, TM_BOR, TM_BXOR, TM_SHL, TM_SHR,
  TM_UNM, TM_BNOT, TM_LT, TM_LE, TM_CONCAT, TM_CALL, TM_CLOSE,
  TM_N
} TMS;

/* str_newz's cache of short strings by the address of the C string (lua5.4's
 * luaS_new cache): 53 sets of 2. */
#define STRCACHE_SETS 53
#define STRCACHE_WAYS 2

typedef struct global_State {
  StringTable strt;
  Value registry;             /* the registry table */
  Value nilvalue;             /* a nil to return pointers to */
  unsigned int seed;          /* string hash seed */
  String *tmname[TM_N];       /* "__index", ... */
  String *typenames[LUA_NUMTYPES + 1]; /* lua_typename(t) at [t + 1]: what type() returns */
  String *strcache[STRCACHE_SETS][STRCACHE_WAYS]; /* str_newz by C address (vm/str.c) */
  struct Table *mt[LUA_NUMTYPES]; /* metatables for basic types */
  String *memerrmsg;          /* "not enough memory" */
  struct lua_State *mainthread;
  lua_CFunction panic;
  lua_WarnFunction warnf;
  void *ud_warn;
  lua_Alloc frealloc;         /* the allocator given to lua_newstate (see spec/capi.md) */
  void *ud;
  struct GCState *gc;         /* collector glue: weak tables, finalizer queue (vm/gc.c) */
  struct Caps *caps;          /* capabilities (sandbox/), NULL = all granted */
  /* Safe-point budget: decremented at loop back-edges and function headers; when it
   * drops to zero or below, vm_safepoint() runs. See spec/safepoints.md. */
  int64_t budget;
  volatile int interrupt;     /* set asynchronously (signal handler, another thread) */
  void *vmext;                /* room for the VM's own bookkeeping */
  struct CoveQuota *quota;    /* cove_* options, quotas, stop reason (vm/quota.h); NULL = none */
} global_State;

/* ---- threads ---- */
struct lua_longjmp;           /* defined in vm/call.c */

struct lua_State {
  GC_HEADER;
  uint8_t status;             /* LUA_OK, LUA_YIELD or an error status of a dead coroutine */
  uint8_t allowhook;
  unsigned short nci;         /* number of CallInfo records in use */
  Value *top;                 /* first free slot */
  global_State *l_G;
  CallInfo *ci;               /* running frame (points into cibase) */
  CallInfo *cibase;           /* frame array: cibase[0] is the base C frame */
  int cisize;                 /* allocated CallInfo records */
  Value *stack_last;          /* end of usable stack (EXTRA_STACK slots follow) */
  Value *stack;               /* stack base */
  UpVal *openupval;           /* open upvalues, highest stack level first */
  Value *tbclist;             /* last to-be-closed variable, or NULL */
  struct lua_longjmp *errorJmp;
  ptrdiff_t errfunc;          /* stack offset of the current error handler */
  volatile lua_Hook hook;
  int basehookcount;
  int hookcount;
  volatile int hookmask;
  uint32_t nCcalls;            /* nested C calls + non-yieldable calls (upper 16 bits) */
  int oldpc;                  /* last pc traced (line hooks) */
  int stacksize;              /* number of slots allocated (without EXTRA_STACK) */
  ptrdiff_t deadend;          /* stack offset: end of the frames an error in a coroutine
                               * unwound, for finish_pcallk to clear (vm/call.c) */
};

#define G(L) ((L)->l_G)

/* Slots allocated past stack_last so that metamethod calls and C API pushes made
 * without lua_checkstack never write out of bounds (lua5.4: EXTRA_STACK = 5). */
#define EXTRA_STACK 5
#define BASIC_STACK_SIZE (2 * LUA_MINSTACK)
/* Largest stack a thread may have ("stack overflow" past it). */
#define LUAI_MAXSTACK 1000000
/* C-call nesting limit ("C stack overflow"). */
#define LUAI_MAXCCALLS 200

#define isLua(ci) ((ci)->callstatus & CIST_LUA)
#define ci_func(ci) (clLvalue((ci)->func))

#endif
