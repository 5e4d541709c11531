/* Calls, returns, errors and coroutines: the stack discipline of a thread.
 * Lua-to-Lua calls made by the interpreter do not recurse on the C stack; calls from C
 * (the API, metamethods invoked from C code) enter vm_execute afresh. Errors are
 * setjmp/longjmp to the nearest protected boundary. */
#ifndef COVE_CALL_H
#define COVE_CALL_H

#include "state.h"

typedef void (*ProtectedFn)(lua_State *L, void *ud);

/* Throw status (LUA_ERRRUN, LUA_ERRSYNTAX, LUA_ERRMEM, LUA_ERRERR, or COVE_ERRQUOTA)
 * with the error object at L->top - 1. */
NORETURN void vm_throw(lua_State *L, int status);
/* Raise a runtime error with a printf-style message ("%s %d %f %p %c %U %%" like
 * lua_pushfstring), prefixed by "chunk:line:" of the running Lua function if any. */
NORETURN void vm_runerror(lua_State *L, const char *fmt, ...);
/* Raise the value at L->top - 1 as an error (error()/lua_error), running the message handler. */
NORETURN void vm_errorobj(lua_State *L);

/* Run f(L, ud) protected; returns its status. Restores nothing: see vm_pcall. */
int vm_rawrunprotected(lua_State *L, ProtectedFn f, void *ud);
/* Protected call of f(L,ud) restoring stack top/frames on error; `oldtop` and ef as lua_pcall. */
int vm_pcall(lua_State *L, ProtectedFn f, void *ud, ptrdiff_t oldtop, ptrdiff_t ef);

/* Call the value at `func` with arguments up to L->top; leave `nresults` results
 * (LUA_MULTRET: all) starting at `func`. Enters the interpreter for Lua functions. */
void vm_call(lua_State *L, Value *func, int nresults);
void vm_callnoyield(lua_State *L, Value *func, int nresults);

/* Make sure `n` more slots fit above L->top (grows and re-bases the stack; raises
 * "stack overflow"). */
void vm_checkstack(lua_State *L, int n);
void vm_growstack(lua_State *L, int n, int raiseerror);

/* Coroutines. */
int vm_resume(lua_State *L, lua_State *from, int nargs, int *nresults);
int vm_yield(lua_State *L, int nresults, lua_KContext ctx, lua_KFunction k);
int vm_closethread(lua_State *L, lua_State *from);  /* coroutine.close / lua_closethread */

#define savestack(L, p)     ((char *)(p) - (char *)(L)->stack)
#define restorestack(L, n)  ((Value *)((char *)(L)->stack + (n)))

/* Cove's extra thread status: a quota stop (fuel, deadline, memory quota, interrupt).
 * Not catchable by pcall; unwinds to the host. */
#define COVE_ERRQUOTA 16

/* ---- VM-internal (vm/interp.c, vm/meta.c, vm/func.c, vm/state.c) ----
 * CallInfo records live in one array per thread that may be reallocated by any call:
 * never keep a CallInfo* across a call; re-read L->ci (the caller's frame is L->ci
 * again once the callee returned). */

/* Extra CallInfo status bits (state.h has the public CIST_* set). */
#define CIST_LEQ      (1u << 8)   /* __le emulated with not __lt (lua5.4 compat) */
#define CIST_HOOKYIELD (1u << 9)  /* a line/count hook yielded before this frame's pc */
#define CIST_RECST_SHIFT 10       /* 3 bits: error status recovered by a yieldable pcall */
#define CIST_TFORPREP (1u << 13)  /* hooks saw TFORPREP; its TFORCALL is not traced */

/* Budget given back at each safe point (spec/safepoints.md). */
#define VM_BUDGET_REFILL 65536

/* Prepare a call of the value at func with arguments up to L->top. Lua function: push
 * its frame and return it (the caller runs it). C function: run it, move its results,
 * return NULL. Non-functions go through __call. */
CallInfo *vm_precall(lua_State *L, Value *func, int nresults);
/* Enter ci (the frame after L->ci, room checked) as a C function's frame: vm_precall's
 * C case and the interpreter's CALL of a light C function share it. */
static inline void vm_enterc(lua_State *L, CallInfo *ci, Value *func, int nresults) {
  ci->func = func;
  ci->nresults = nresults;
  ci->callstatus = 0;
  ci->top = L->top + LUA_MINSTACK;
  ci->u.c.k = NULL;
  L->ci = ci;
}
/* Tail call from the Lua frame ci of the function at func with narg1 - 1 arguments;
 * delta is the vararg shift of ci's function slot. Lua callee: reuses ci, returns -1.
 * C callee: runs it and returns its number of results (still at the top). */
int vm_pretailcall(lua_State *L, CallInfo *ci, Value *func, int narg1, int delta);
/* Finish a call: hooks, move nres results from the top to ci->func, pop ci. */
void vm_poscall(lua_State *L, CallInfo *ci, int nres);
/* Next CallInfo record above L->ci (grows the array; L->ci may move). */
CallInfo *vm_nextci(lua_State *L);

/* Put the error object for `status` at `oldtop` and set top to oldtop + 1. */
void vm_seterrorobj(lua_State *L, int status, Value *oldtop);
/* Run func_close on the stack level at offset `level` until no __close errors. */
int vm_closeprotected(lua_State *L, ptrdiff_t level, int status);
/* Shrink a stack grown past LUAI_MAXSTACK (after a handled stack overflow). */
void vm_shrinkstack(lua_State *L);

/* Hooks: call the hook for `event` at `line` (-1 none). */
void vm_hook(lua_State *L, int event, int line);
/* Same, also recording the transferred values (ntransfer from slot func + ftransfer)
 * for lua_getinfo 'r' while the hook runs. */
void vm_hooktransfer(lua_State *L, int event, int line, int ftransfer, int ntransfer);
void vm_hookcall(lua_State *L, CallInfo *ci);
/* Line and count hooks before the instruction at pc (pc points after it). */
void vm_traceexec(lua_State *L, const Instruction *pc);

/* Is the running frame Lua code (not a hook)? Metamethods it calls may yield. */
#define vm_isluacode(ci) (((ci)->callstatus & (CIST_LUA | CIST_HOOKED)) == CIST_LUA)

#endif
