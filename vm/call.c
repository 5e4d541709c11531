/* Calls, returns, errors and coroutines: the stack discipline of a thread.
 * Errors are setjmp/longjmp to the nearest protected boundary. Lua-to-Lua calls from
 * the interpreter only push a CallInfo (vm_precall) and never recurse on the C stack;
 * C code calling Lua enters vm_execute afresh (vm_call). Coroutines follow lua5.4's
 * design: a yield unwinds the C stack to vm_resume, and a resume finishes interrupted
 * C functions through their continuations (unroll). See spec/vm.md. */
#include <stdlib.h>

#include "call.h"

#include "api.h"
#include "debug.h"
#include "func.h"
#include "gc.h"
#include "interp.h"
#include "meta.h"
#include "quota.h"
#include "str.h"

struct lua_longjmp {
  struct lua_longjmp *previous;
  jmp_buf b;
  volatile int status;
};

#define errorstatus(s) ((s) > LUA_YIELD)
#define getCcalls(L) ((L)->nCcalls & 0xffffu)
#define NONYIELD_INC 0x10000u
#define yieldable(L) (((L)->nCcalls & 0xffff0000u) == 0)
/* Extra slots a stack may use while handling a stack overflow (lua5.4 ERRORSTACKSIZE). */
#define ERRORSTACKSIZE (LUAI_MAXSTACK + 200)

#define getcistrecst(ci) (((ci)->callstatus >> CIST_RECST_SHIFT) & 7u)
#define setcistrecst(ci, st) \
  ((ci)->callstatus = ((ci)->callstatus & ~(7u << CIST_RECST_SHIFT)) | \
                      ((unsigned)(st) << CIST_RECST_SHIFT))

/* ---- errors ---- */

void vm_seterrorobj(lua_State *L, int status, Value *oldtop) {
  switch (status) {
    case LUA_ERRMEM:
      setsvalue(oldtop, G(L)->memerrmsg);
      break;
    case LUA_ERRERR:
      setsvalue(oldtop, str_newz(L, "error in error handling"));
      break;
    case LUA_OK:
      setnilvalue(oldtop);  /* closing upvalues of a thread without error */
      break;
    default:
      *oldtop = *(L->top - 1);
      break;
  }
  L->top = oldtop + 1;
}

NORETURN void vm_throw(lua_State *L, int status) {
  if (L->errorJmp != NULL) {
    L->errorJmp->status = status;
    longjmp(L->errorJmp->b, 1);
  }
  global_State *g = G(L);
  if (g->mainthread->errorJmp != NULL) {  /* a coroutine without handler: pass it on */
    *g->mainthread->top++ = *(L->top - 1);
    vm_throw(g->mainthread, status);
  }
  if (g->panic != NULL)
    g->panic(L);
  abort();
}

int vm_rawrunprotected(lua_State *L, ProtectedFn f, void *ud) {
  uint32_t old_nCcalls = L->nCcalls;
  struct lua_longjmp lj;
  lj.status = LUA_OK;
  lj.previous = L->errorJmp;
  L->errorJmp = &lj;
  if (setjmp(lj.b) == 0)
    f(L, ud);
  L->errorJmp = lj.previous;
  L->nCcalls = old_nCcalls;
  return lj.status;
}

NORETURN void vm_errorobj(lua_State *L) {
  if (L->errfunc != 0) {  /* run the message handler on the error object */
    Value *errfunc = restorestack(L, L->errfunc);
    L->top[0] = L->top[-1];
    L->top[-1] = *errfunc;
    L->top++;  /* EXTRA_STACK leaves room */
    vm_callnoyield(L, L->top - 2, 1);
  }
  vm_throw(L, LUA_ERRRUN);
}

NORETURN void vm_runerror(lua_State *L, const char *fmt, ...) {
  CallInfo *ci = L->ci;
  va_list argp;
  va_start(argp, fmt);
  const char *msg = api_pushvfstring(L, fmt, argp);
  va_end(argp);
  if (isLua(ci))
    dbg_addinfo(L, msg, ci_func(ci)->p->source, dbg_currentline(ci));
  vm_errorobj(L);
}

/* ---- stack ---- */

static void rebase_stack(lua_State *L, Value *oldstack, Value *newstack) {
#define REBASE(p) ((p) = newstack + ((p) - oldstack))
  REBASE(L->top);
  if (L->tbclist != NULL)
    REBASE(L->tbclist);
  for (UpVal *uv = L->openupval; uv != NULL; uv = uv->u.open.next)
    REBASE(uv->v);
  for (CallInfo *ci = L->cibase; ci <= L->ci; ci++) {
    REBASE(ci->top);
    REBASE(ci->func);
  }
#undef REBASE
}

static void realloc_stack(lua_State *L, int newsize) {
  Value *oldstack = L->stack;
  int oldsize = L->stacksize;
  Value *newstack = (Value *)gc_alloc(L, sizeof(Value) * (size_t)(newsize + EXTRA_STACK));
  int ncopy = (oldsize < newsize ? oldsize : newsize) + EXTRA_STACK;
  memcpy(newstack, oldstack, sizeof(Value) * (size_t)ncopy);  /* keeps tbc links */
  quota_debit(G(L), (size_t)ncopy);  /* a slot copied is a unit of work (spec/safepoints.md) */
  rebase_stack(L, oldstack, newstack);
  L->stack = newstack;
  L->stacksize = newsize;
  L->stack_last = newstack + newsize;
  /* The old block is garbage now, but one stale word pointing at it (a conservative root)
   * would keep every object it held alive for good: clear it, as freeing would. */
  memset(oldstack, 0, sizeof(Value) * (size_t)(oldsize + EXTRA_STACK));
}

void vm_growstack(lua_State *L, int n, int raiseerror) {
  int size = L->stacksize;
  if (unlikely(size > LUAI_MAXSTACK)) {
    /* already using the extra space reserved for handling a stack overflow */
    if (raiseerror)
      vm_throw(L, LUA_ERRERR);
    return;
  }
  if (n < LUAI_MAXSTACK) {
    int newsize = 2 * size;
    int needed = (int)(L->top - L->stack) + n;
    if (newsize > LUAI_MAXSTACK)
      newsize = LUAI_MAXSTACK;
    if (newsize < needed)
      newsize = needed;
    if (likely(newsize <= LUAI_MAXSTACK)) {
      realloc_stack(L, newsize);
      return;
    }
  }
  realloc_stack(L, ERRORSTACKSIZE);  /* room for the message handler */
  if (raiseerror)
    vm_runerror(L, "stack overflow");
}

void vm_checkstack(lua_State *L, int n) {
  if (unlikely(L->stack_last - L->top <= n))
    vm_growstack(L, n, 1);
}

/* Grow so that n slots fit above top, keeping *func valid. */
#define checkstack_func(L, n, func) \
  do { \
    if (unlikely((L)->stack_last - (L)->top <= (n))) { \
      ptrdiff_t f_ = savestack(L, func); \
      vm_growstack(L, n, 1); \
      (func) = restorestack(L, f_); \
    } \
  } while (0)

void vm_shrinkstack(lua_State *L) {
  if (L->stacksize <= LUAI_MAXSTACK)
    return;
  /* Shrink only if every frame's top fits under the limit. The deepest frames are
   * checked first and the first that does not fit ends the search: unwinding a deep
   * chain of pcalls after an overflow calls this once per frame, and a full walk each
   * time was quadratic (minutes for a fuzzed chunk). */
  Value *fit = L->stack + LUAI_MAXSTACK - 1;
  Value *lim = L->top;
  if (lim > fit)
    return;
  for (CallInfo *ci = L->ci; ci >= L->cibase; ci--) {
    if (lim < ci->top) {
      lim = ci->top;
      if (lim > fit)
        return;
    }
  }
  int inuse = (int)(lim - L->stack) + 1;
  if (inuse <= LUAI_MAXSTACK) {
    int nsize = inuse * 2 < BASIC_STACK_SIZE ? BASIC_STACK_SIZE : inuse * 2;
    if (nsize > LUAI_MAXSTACK)
      nsize = LUAI_MAXSTACK;
    realloc_stack(L, nsize);
  }
}

HOT CallInfo *vm_nextci(lua_State *L) {
  ptrdiff_t idx = L->ci - L->cibase;
  if (unlikely(idx + 1 >= L->cisize)) {
    int newsize = L->cisize * 2;
    CallInfo *n = (CallInfo *)gc_alloc(L, sizeof(CallInfo) * (size_t)newsize);
    memcpy(n, L->cibase, sizeof(CallInfo) * (size_t)L->cisize);
    L->cibase = n;
    L->cisize = newsize;
    L->ci = n + idx;
  }
  return L->ci + 1;
}

/* ---- hooks ---- */

void vm_hook(lua_State *L, int event, int line) {
  vm_hooktransfer(L, event, line, 0, 0);
}

void vm_hooktransfer(lua_State *L, int event, int line, int ftransfer, int ntransfer) {
  lua_Hook hook = L->hook;
  if (hook == NULL || !L->allowhook)
    return;
  unsigned mask = CIST_HOOKED;
  CallInfo *ci = L->ci;
  if (ntransfer != 0) {
    mask |= CIST_TRAN;
    ci->ftransfer = (unsigned short)ftransfer;
    ci->ntransfer = (unsigned short)ntransfer;
  }
  ptrdiff_t top = savestack(L, L->top);
  ptrdiff_t ci_top = savestack(L, ci->top);
  ptrdiff_t ciidx = ci - L->cibase;
  lua_Debug ar;
  memset(&ar, 0, sizeof ar);
  ar.event = event;
  ar.currentline = line;
  ar.i_ci = ci;
  if (isLua(ci) && L->top < ci->top)
    L->top = ci->top;  /* protect the whole frame */
  vm_checkstack(L, LUA_MINSTACK);
  ci = L->cibase + ciidx;
  if (ci->top < L->top + LUA_MINSTACK)
    ci->top = L->top + LUA_MINSTACK;
  L->allowhook = 0;
  ci->callstatus |= mask;
  hook(L, &ar);
  ci = L->cibase + ciidx;
  L->allowhook = 1;
  ci->top = restorestack(L, ci_top);
  L->top = restorestack(L, top);
  ci->callstatus &= ~mask;
}

void vm_hookcall(lua_State *L, CallInfo *ci) {
  L->oldpc = 0;
  if (L->hookmask & LUA_MASKCALL) {
    int event = (ci->callstatus & CIST_TAIL) ? LUA_HOOKTAILCALL : LUA_HOOKCALL;
    ci->u.l.savedpc++;  /* hooks expect pc past the running instruction */
    vm_hooktransfer(L, event, -1, 1, ci_func(ci)->p->numparams);
    L->ci->u.l.savedpc--;
  }
}

static void rethook(lua_State *L, CallInfo *ci, int nres) {
  if (L->hookmask & LUA_MASKRET) {
    Value *firstres = L->top - nres;
    int delta = 0;
    if (isLua(ci)) {
      Proto *p = ci_func(ci)->p;
      if (p->is_vararg)
        delta = ci->u.l.nextraargs + p->numparams + 1;
    }
    ci->func += delta;  /* vararg frames: back to the virtual function slot */
    vm_hooktransfer(L, LUA_HOOKRET, -1, (int)(firstres - ci->func), nres);
    ci = L->ci;
    ci->func -= delta;
  }
  CallInfo *prev = ci - 1;
  if (ci > L->cibase && isLua(prev))
    L->oldpc = (int)(prev->u.l.savedpc - ci_func(prev)->p->code) - 1;
}

/* Does the instruction use the top left by the previous one (B = 0)? */
static int uses_top(Instruction i) {
  switch (GET_OP(i)) {
    case OP_CALL: case OP_TAILCALL: case OP_RETURN: case OP_SETLIST:
      return GET_B(i) == 0;
    default:
      return 0;
  }
}

/* lua5.4 runs two instructions without a hook check: TFORPREP jumps straight into its
 * TFORCALL, and TFORCALL straight into the TFORLOOP after it. Cove dispatches them
 * separately, so hooks skip every TFORLOOP and the TFORCALL entered from TFORPREP
 * (CIST_TFORPREP marks the frame in between): no count, no line check, as lua5.4. */
void vm_traceexec(lua_State *L, const Instruction *pc) {
  CallInfo *ci = L->ci;
  int mask = L->hookmask;
  const Proto *p = ci_func(ci)->p;
  Instruction inst = pc[-1];
  ci->u.l.savedpc = pc;
  switch (GET_OP(inst)) {
    case OP_TFORLOOP:
      return;
    case OP_TFORCALL:
      if (ci->callstatus & CIST_TFORPREP) {
        ci->callstatus &= ~CIST_TFORPREP;
        return;
      }
      break;
    case OP_TFORPREP:
      ci->callstatus |= CIST_TFORPREP;
      break;
    default:
      ci->callstatus &= ~CIST_TFORPREP;  /* hooks were off for the TFORCALL */
      break;
  }
  int counthook = --L->hookcount == 0 && (mask & LUA_MASKCOUNT);
  if (counthook)
    L->hookcount = L->basehookcount;
  else if (!(mask & LUA_MASKLINE))
    return;
  if (ci->callstatus & CIST_HOOKYIELD) {  /* resumed after a hook yielded here */
    ci->callstatus &= ~CIST_HOOKYIELD;
    return;
  }
  if (!uses_top(inst))
    L->top = ci->top;
  if (counthook)
    vm_hook(L, LUA_HOOKCOUNT, -1);
  if (mask & LUA_MASKLINE) {
    int oldpc = (L->oldpc >= 0 && L->oldpc < p->sizecode) ? L->oldpc : 0;
    int npci = (int)(pc - p->code) - 1;
    /* Stripped code still gets an event (line -1) on entry and backward jumps. */
    int hasinfo = p->sizelineinfo > 0;
    if (npci <= oldpc || (hasinfo && p->lineinfo[oldpc] != p->lineinfo[npci]))
      vm_hook(L, LUA_HOOKLINE, hasinfo ? p->lineinfo[npci] : -1);
    L->oldpc = npci;
  }
  if (L->status == LUA_YIELD) {  /* a C hook yielded (lua_yield with 0 results) */
    ci = L->ci;
    if (counthook)
      L->hookcount = 1;  /* the re-run of this check counts to zero again */
    ci->u.l.savedpc--;  /* the instruction runs again on resume */
    ci->callstatus |= CIST_HOOKYIELD;
    vm_throw(L, LUA_YIELD);
  }
}

/* ---- calls ---- */

/* Move nres results (at the top) to res, adjusted to `wanted`. */
HOT static void move_results(lua_State *L, Value *res, int nres, int wanted) {
  switch (wanted) {
    case 0:
      L->top = res;
      return;
    case 1:
      if (nres == 0)
        setnilvalue(res);
      else
        *res = *(L->top - nres);
      L->top = res + 1;
      return;
    case LUA_MULTRET:
      wanted = nres;
      break;
    default:
      break;
  }
  Value *first = L->top - nres;
  if (nres > wanted)
    nres = wanted;
  int i;
  for (i = 0; i < nres; i++)
    res[i] = first[i];
  for (; i < wanted; i++)
    setnilvalue(res + i);
  L->top = res + wanted;
}

HOT void vm_poscall(lua_State *L, CallInfo *ci, int nres) {
  int wanted = ci->nresults;
  /* A C function with pending to-be-closed slots (lua_toclose) closes them first;
   * lua5.4 encodes that in nresults as -(wanted) - 3. */
  if (unlikely(wanted < LUA_MULTRET || (!isLua(ci) && L->tbclist != NULL &&
                                         L->tbclist >= ci->func))) {
    if (wanted < LUA_MULTRET)
      wanted = -wanted - 3;
    ptrdiff_t ciidx = ci - L->cibase;
    ptrdiff_t res = savestack(L, ci->func);
    ci->callstatus |= CIST_CLSRET;
    ci->u2.nres = nres;
    func_close(L, ci->func, LUA_OK, 1);
    ci = L->cibase + ciidx;
    ci->callstatus &= ~CIST_CLSRET;
    if (L->hookmask)
      rethook(L, ci, nres);
    ci = L->cibase + ciidx;
    L->ci = ci;
    move_results(L, restorestack(L, res), nres, wanted);
    L->ci = ci - 1;
    return;
  }
  if (unlikely(L->hookmask)) {
    ptrdiff_t ciidx = ci - L->cibase;
    rethook(L, ci, nres);
    ci = L->cibase + ciidx;
  }
  move_results(L, ci->func, nres, wanted);
  L->ci = ci - 1;
}

/* Insert the __call metamethod of the value at func below it (lua5.4 tryfuncTM). */
/* A __call chain longer than this is an error, not a hang: each step inserts one
 * argument, so lua5.4 (which has no limit) takes quadratic time to reach "stack
 * overflow" on a loop such as setmetatable(t, {__call = t}). */
#define MAXCALLCHAIN 2000

static Value *try_call_meta(lua_State *L, Value *func, int *chain) {
  if (unlikely(++*chain > MAXCALLCHAIN))
    vm_runerror(L, "'__call' chain too long; possible loop");
  checkstack_func(L, 1, func);
  const Value *tm = meta_get(L, func, TM_CALL);
  if (unlikely(tm == NULL))
    dbg_callerror(L, func);
  for (Value *p = L->top; p > func; p--)
    *p = *(p - 1);
  L->top++;
  *func = *tm;
  return func;
}

HOT static int precall_c(lua_State *L, Value *func, int nresults, lua_CFunction f) {
  checkstack_func(L, LUA_MINSTACK, func);
  vm_enterc(L, vm_nextci(L), func, nresults);
  if (unlikely(L->hookmask & LUA_MASKCALL))
    vm_hooktransfer(L, LUA_HOOKCALL, -1, 1, (int)(L->top - func) - 1);
  int n = f(L);
  vm_poscall(L, L->ci, n);
  return n;
}

HOT CallInfo *vm_precall(lua_State *L, Value *func, int nresults) {
  int chain = 0;
  for (;;) {
    switch (func->tt) {
      case TAG_LCF:
        precall_c(L, func, nresults, fvalue(func));
        return NULL;
      case TAG_CCL:
        precall_c(L, func, nresults, clCvalue(func)->f);
        return NULL;
      case TAG_LCL: {
        Proto *p = clLvalue(func)->p;
        int narg = (int)(L->top - func) - 1;
        int fsize = p->maxstacksize;
        checkstack_func(L, fsize, func);
        CallInfo *ci = vm_nextci(L);
        ci->func = func;
        ci->nresults = nresults;
        ci->callstatus = CIST_LUA;
        ci->top = func + 1 + fsize;
        ci->u.l.savedpc = p->code;
        L->ci = ci;
        for (; narg < p->numparams; narg++)
          setnilvalue(L->top++);  /* missing arguments */
        return ci;
      }
      default:
        func = try_call_meta(L, func, &chain);
        break;
    }
  }
}

int vm_pretailcall(lua_State *L, CallInfo *ci, Value *func, int narg1, int delta) {
  int chain = 0;
  for (;;) {
    switch (func->tt) {
      case TAG_LCF:
        return precall_c(L, func, LUA_MULTRET, fvalue(func));
      case TAG_CCL:
        return precall_c(L, func, LUA_MULTRET, clCvalue(func)->f);
      case TAG_LCL: {
        Proto *p = clLvalue(func)->p;
        int fsize = p->maxstacksize;
        checkstack_func(L, fsize - delta, func);
        ci->func -= delta;  /* back to the real function slot of a vararg frame */
        for (int i = 0; i < narg1; i++)
          ci->func[i] = func[i];
        func = ci->func;
        for (; narg1 <= p->numparams; narg1++)
          setnilvalue(func + narg1);
        ci->top = func + 1 + fsize;
        ci->u.l.savedpc = p->code;
        ci->callstatus = (ci->callstatus & ~CIST_TFORPREP) | CIST_TAIL;
        L->top = func + narg1;
        return -1;
      }
      default:
        func = try_call_meta(L, func, &chain);
        narg1++;
        break;
    }
  }
}

static NOINLINE void check_cstack(lua_State *L) {
  if (getCcalls(L) == LUAI_MAXCCALLS)
    vm_runerror(L, "C stack overflow");
  else if (getCcalls(L) >= (LUAI_MAXCCALLS / 10 * 11))
    vm_throw(L, LUA_ERRERR);  /* error while handling the overflow */
}

static void ccall(lua_State *L, Value *func, int nresults, uint32_t inc) {
  L->nCcalls += inc;
  if (unlikely(getCcalls(L) >= LUAI_MAXCCALLS)) {
    checkstack_func(L, 0, func);
    check_cstack(L);
  }
  CallInfo *ci = vm_precall(L, func, nresults);
  if (ci != NULL) {
    ci->callstatus |= CIST_FRESH;
    vm_execute(L, ci);
  }
  L->nCcalls -= inc;
}

void vm_call(lua_State *L, Value *func, int nresults) {
  ccall(L, func, nresults, 1);
}

void vm_callnoyield(lua_State *L, Value *func, int nresults) {
  ccall(L, func, nresults, NONYIELD_INC | 1);
}

/* ---- protected calls ---- */

struct CloseP {
  Value *level;
  int status;
};

static void close_aux(lua_State *L, void *ud) {
  struct CloseP *pcl = (struct CloseP *)ud;
  func_close(L, pcl->level, pcl->status, 0);
}

int vm_closeprotected(lua_State *L, ptrdiff_t level, int status) {
  ptrdiff_t old_ci = L->ci - L->cibase;
  uint8_t old_allowhook = L->allowhook;
  for (;;) {  /* a __close that fails replaces the error and closing goes on */
    struct CloseP pcl;
    pcl.level = restorestack(L, level);
    pcl.status = status;
    int st = vm_rawrunprotected(L, close_aux, &pcl);
    if (likely(st == LUA_OK))
      return pcl.status;
    L->ci = L->cibase + old_ci;
    L->allowhook = old_allowhook;
    status = st;
  }
}

/* Where the frames an error is unwinding end (a saved offset): the higher of the top and
 * the failing frame's top. */
static ptrdiff_t unwound_end(lua_State *L) {
  return savestack(L, L->top > L->ci->top ? L->top : L->ci->top);
}

/* Zero the stack from the top up to `dead_end` (a saved offset), clamped to the stack. */
static void clear_unwound(lua_State *L, ptrdiff_t dead_end) {
  Value *end = restorestack(L, dead_end), *last = L->stack_last + EXTRA_STACK;
  if (end > last)
    end = last;
  if (L->top < end)
    memset((void *)L->top, 0, (size_t)(end - L->top) * sizeof(Value));
}

int vm_pcall(lua_State *L, ProtectedFn f, void *ud, ptrdiff_t oldtop, ptrdiff_t ef) {
  ptrdiff_t old_ci = L->ci - L->cibase;
  uint8_t old_allowhook = L->allowhook;
  ptrdiff_t old_errfunc = L->errfunc;
  L->errfunc = ef;
  int status = vm_rawrunprotected(L, f, ud);
  if (unlikely(status != LUA_OK)) {
    /* The unwound frames' registers stay in the stack above the new top, and libgc
     * scans them: without clearing, what the failed call built (a table filling the
     * memory quota) lives until the next safe point clears the dead stack. */
    ptrdiff_t dead_end = unwound_end(L);
    L->ci = L->cibase + old_ci;
    L->allowhook = old_allowhook;
    status = vm_closeprotected(L, oldtop, status);
    vm_seterrorobj(L, status, restorestack(L, oldtop));
    clear_unwound(L, dead_end);
    vm_shrinkstack(L);
  }
  L->errfunc = old_errfunc;
  return status;
}

/* ---- coroutines ---- */

/* Finish a yieldable pcall interrupted by an error or a yield (lua5.4 finishpcallk). */
static int finish_pcallk(lua_State *L, CallInfo *ci) {
  int status = (int)getcistrecst(ci);
  if (likely(status == LUA_OK)) {
    status = LUA_YIELD;
  } else {
    ptrdiff_t ciidx = ci - L->cibase;
    L->allowhook = 1;
    /* Close directly, yieldable: a __close may yield here, and one that fails is
     * caught by precover, which comes back to this pcall with the new status. */
    func_close(L, restorestack(L, ci->u2.funcidx), status, 1);
    ci = L->cibase + ciidx;
    vm_seterrorobj(L, status, restorestack(L, ci->u2.funcidx));
    clear_unwound(L, L->deadend);  /* as vm_pcall does; precover set the extent */
    vm_shrinkstack(L);
    setcistrecst(ci, LUA_OK);
  }
  ci->callstatus &= ~CIST_YPCALL;
  L->errfunc = ci->u.c.old_errfunc;
  return status;
}

/* Complete a C function interrupted by a yield or error: call its continuation. */
static void finish_ccall(lua_State *L, CallInfo *ci) {
  int n;
  if (ci->callstatus & CIST_CLSRET) {  /* was closing tbc slots while returning */
    n = ci->u2.nres;
  } else {
    int status = LUA_YIELD;
    if (ci->callstatus & CIST_YPCALL)
      status = finish_pcallk(L, ci);
    ci = L->ci;
    if (ci->top < L->top)  /* finish lua_callk's LUA_MULTRET adjustment */
      ci->top = L->top;
    n = ci->u.c.k(L, status, ci->u.c.ctx);
  }
  vm_poscall(L, L->ci, n);
}

static void unroll(lua_State *L, void *ud) {
  (void)ud;
  CallInfo *ci;
  while ((ci = L->ci) != L->cibase) {
    if (!isLua(ci)) {
      finish_ccall(L, ci);
    } else {
      vm_finishop(L);
      vm_execute(L, L->ci);
    }
  }
}

static CallInfo *find_pcall(lua_State *L) {
  for (CallInfo *ci = L->ci; ci > L->cibase; ci--)
    if (ci->callstatus & CIST_YPCALL)
      return ci;
  return NULL;
}

/* After an error inside a coroutine, resume at the innermost yieldable pcall. */
static int precover(lua_State *L, int status) {
  CallInfo *ci;
  while (errorstatus(status) && (ci = find_pcall(L)) != NULL) {
    L->deadend = unwound_end(L);  /* finish_pcallk clears it */
    L->ci = ci;
    setcistrecst(ci, status);
    status = vm_rawrunprotected(L, unroll, NULL);
  }
  return status;
}

static void resume(lua_State *L, void *ud) {
  int n = *(int *)ud;
  Value *first_arg = L->top - n;
  CallInfo *ci = L->ci;
  if (L->status == LUA_OK) {  /* starting the coroutine */
    ccall(L, first_arg - 1, LUA_MULTRET, 0);
  } else {  /* resuming after a yield */
    L->status = LUA_OK;
    if (isLua(ci)) {  /* yielded inside a hook */
      L->top = first_arg;
      vm_execute(L, ci);
    } else {
      if (ci->u.c.k != NULL)
        n = ci->u.c.k(L, LUA_YIELD, ci->u.c.ctx);
      vm_poscall(L, L->ci, n);
    }
    unroll(L, NULL);
  }
}

static int resume_error(lua_State *L, const char *msg, int narg) {
  L->top -= narg;
  setsvalue(L->top, str_newz(L, msg));
  L->top++;
  return LUA_ERRRUN;
}

int vm_resume(lua_State *L, lua_State *from, int nargs, int *nresults) {
  if (L->status == LUA_OK) {
    if (L->ci != L->cibase)
      return resume_error(L, "cannot resume non-suspended coroutine", nargs);
    if (L->top - (L->ci->func + 1) == nargs)  /* no function */
      return resume_error(L, "cannot resume dead coroutine", nargs);
  } else if (L->status != LUA_YIELD) {
    return resume_error(L, "cannot resume dead coroutine", nargs);
  }
  L->nCcalls = (from != NULL) ? getCcalls(from) : 0;
  if (getCcalls(L) >= LUAI_MAXCCALLS)
    return resume_error(L, "C stack overflow", nargs);
  L->nCcalls++;
  int status = vm_rawrunprotected(L, resume, &nargs);
  status = precover(L, status);
  if (unlikely(errorstatus(status))) {  /* the coroutine is dead */
    L->status = (uint8_t)status;
    vm_seterrorobj(L, status, L->top);
    L->ci->top = L->top;
  }
  *nresults = (status == LUA_YIELD) ? L->ci->u2.nyield
                                    : (int)(L->top - (L->ci->func + 1));
  return status;
}

int vm_yield(lua_State *L, int nresults, lua_KContext ctx, lua_KFunction k) {
  CallInfo *ci = L->ci;
  if (unlikely(!yieldable(L))) {
    if (L != G(L)->mainthread)
      vm_runerror(L, "attempt to yield across a C-call boundary");
    else
      vm_runerror(L, "attempt to yield from outside a coroutine");
  }
  L->status = LUA_YIELD;
  ci->u2.nyield = nresults;
  if (isLua(ci))  /* inside a hook: just return to it */
    return 0;
  ci->u.c.k = k;
  if (k != NULL)
    ci->u.c.ctx = ctx;
  vm_throw(L, LUA_YIELD);
}
