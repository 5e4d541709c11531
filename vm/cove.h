/* Cove's extensions to the Lua 5.4 C API (cove_*): states created with options (JIT
 * switch, fuel, wall-clock deadline, memory limit), the reason a script stopped,
 * asynchronous interruption, and loading of verified bytecode only. Public header,
 * installed as <cove/cove.h> next to lua.h; spec/capi.md "Cove's extensions". */
#ifndef COVE_H
#define COVE_H

#include <stddef.h>
#include <stdint.h>

#include "lua.h"

#ifdef __cplusplus
extern "C" {  /* lua.h itself has no guard (lua.hpp adds it); cove.h has its own */
#endif

#define COVE_VERSION "Cove 0.1"
#define COVE_VERSION_NUM 1

/* Thread status of a quota stop (fuel, deadline, interrupt of a state made by
 * cove_newstate). lua_pcall/lua_resume return it like an error status; the message is
 * at the top of the stack. Lua's pcall does catch it, but the stop is sticky: the next
 * safe point (function entry, loop iteration) raises it again, so a script cannot
 * continue past it. */
#define COVE_ERRQUOTA 16

/* Options for cove_newstate. Zero-initialise, then set what you need: every zero
 * field means "no limit" / the default. */
typedef struct CoveOptions {
  int jit;                 /* 1: JIT allowed (recorded; the JIT is not built yet) */
  int64_t fuel;            /* instruction units (safe-point charges), 0 = unlimited */
  uint64_t timeout_ms;     /* wall-clock limit of each cove_pcall, 0 = none */
  size_t max_heap;         /* GC_set_max_heap_size: PROCESS-WIDE, 0 = leave as is */
  int openlibs;            /* 1: open the standard libraries (luaL_openlibs) */
  const void *capabilities; /* reserved for the sandbox: must be NULL */
} CoveOptions;

/* Why a script stopped (cove_stopreason). */
enum {
  COVE_STOP_NONE = 0,      /* it did not stop: returned normally, or yielded */
  COVE_STOP_ERROR,         /* a Lua error (runtime, syntax, error in error handler) */
  COVE_STOP_MEMORY,        /* out of memory (LUA_ERRMEM; also the max_heap limit) */
  COVE_STOP_FUEL,          /* the fuel budget ran out */
  COVE_STOP_DEADLINE,      /* the wall-clock deadline passed */
  COVE_STOP_INTERRUPT      /* cove_interrupt was called */
};

/* A new state with the given options (NULL: all defaults, like luaL_newstate plus the
 * lua5.4 panic and warning functions). NULL on failure or on invalid options. */
lua_State *cove_newstate(const CoveOptions *opts);

/* lua_pcall that also records why the call stopped (cove_stopreason), clears a
 * previous interrupt stop and starts the timeout_ms clock. */
int cove_pcall(lua_State *L, int nargs, int nresults, int msgh);

/* The reason recorded by the last cove_pcall or quota stop of L's universe. */
int cove_stopreason(lua_State *L);
/* Its name: "none", "error", "memory", "fuel", "deadline", "interrupt". */
const char *cove_stopname(int reason);

/* Ask the running script to stop at its next safe point (at most ~65536 instruction
 * units later). Async-signal-safe and callable from another thread: it only stores
 * to a volatile int. States not made by cove_newstate get a catchable
 * "interrupted!" error instead of a quota stop. */
void cove_interrupt(lua_State *L);

/* Threads (spec/capi.md "Threads"). Several states may run on several threads at once,
 * each state used by one thread at a time. A thread must be known to the collector
 * before it touches any state: cove_attachthread registers the calling thread (0 on
 * success, -1 if its stack cannot be found). lua_newstate, luaL_newstate,
 * cove_newstate, lua_load, lua_call(k), lua_pcall(k), lua_resume and cove_pcall call
 * it themselves, so a host only needs it when a thread's first call into Cove is
 * another one (lua_pushstring on a state handed over, say). A thread that attached is
 * detached when it exits; cove_detachthread does it earlier (the thread must not use
 * any state afterwards). Both are no-ops when there is nothing to do. */
int cove_attachthread(void);
void cove_detachthread(void);
/* Promise that Cove will only ever be used from the thread that makes the first state:
 * libgc then takes no locks (about 1% fewer instructions in allocation-heavy code).
 * Only effective before the first state is created; afterwards lua_newstate on
 * another thread returns NULL and other entry points abort with a message. The `cove`
 * command line calls it unless COVE_THREADS is set in the environment. */
void cove_singlethreaded(void);

/* Charge `units` of work done by C code to the running script, as the interpreter
 * charges loop iterations and calls: the standard library charges its work this way (a
 * byte, an element or a pattern-matching step is one unit), and so may C modules whose
 * loops grow with their input. When the budget since the last safe point is used up it
 * does what a safe point does (fuel, deadline, interrupt), so it may raise: call it
 * where a Lua error is allowed. Cheap when nothing is due: one subtraction. */
void cove_charge(lua_State *L, size_t units);

/* Fuel: set the remaining budget (0 = unlimited) / read what remains (-1 unlimited).
 * Reading is exact to the last safe point. */
void cove_setfuel(lua_State *L, int64_t fuel);
int64_t cove_getfuel(lua_State *L);
/* Deadline ms milliseconds from now (0 = none); cove_pcall sets it from timeout_ms. */
void cove_setdeadline(lua_State *L, uint64_t ms);

/* Was the state made with the JIT allowed? */
int cove_jitenabled(lua_State *L);

/* Load a binary chunk (Cove's bytecode, spec/bytecode-format.md) after verifying it
 * (spec/verifier.md); source text is refused. Same results as luaL_loadbufferx. */
int cove_loadbuffer_verified(lua_State *L, const char *buf, size_t size, const char *name);

#ifdef __cplusplus
}
#endif

#endif
