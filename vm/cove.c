/* Cove's C API extensions (vm/cove.h): states made with options, the recorded stop
 * reason, asynchronous interrupts, fuel and deadlines, and verified bytecode loading.
 * The quotas themselves are enforced at safe points by vm/quota.c; this file only sets
 * them up and reads them back. spec/capi.md "Cove's extensions". */
#include <gc/gc.h>

#include "call.h"
#include "cove.h"

#include "gc.h"
#include "interp.h"
#include "lauxlib.h"
#include "lualib.h"
#include "quota.h"

_Static_assert(COVE_ERRQUOTA == 16, "cove.h and call.h disagree on COVE_ERRQUOTA");

/* The quota record of L's universe, made on first use (never from cove_interrupt,
 * which must not allocate). Lives on the Boehm heap, reachable from the
 * uncollectable global_State. */
static CoveQuota *getquota(lua_State *L) {
  global_State *g = G(L);
  if (g->quota == NULL) {
    CoveQuota *q = gc_alloc(L, sizeof(CoveQuota));
    q->fuel = -1;
    q->granted = g->budget;  /* whatever the interpreter holds counts as one grant */
    g->quota = q;
  }
  return g->quota;
}

lua_State *cove_newstate(const CoveOptions *opts) {
  CoveOptions none = {0};
  if (opts == NULL)
    opts = &none;
  if (opts->capabilities != NULL || opts->fuel < 0)
    return NULL;  /* capabilities are reserved for the sandbox */
  if (opts->max_heap != 0)
    GC_set_max_heap_size((GC_word)opts->max_heap);  /* process-wide: see spec/capi.md */
  lua_State *L = luaL_newstate();
  if (L == NULL)
    return NULL;
  CoveQuota *q = getquota(L);
  q->jit = opts->jit != 0;
  q->fuel = opts->fuel > 0 ? opts->fuel : -1;
  q->timeout_ms = opts->timeout_ms;
  quota_grant(G(L));
  if (opts->openlibs)
    luaL_openlibs(L);
  return L;
}

static int reason_of(lua_State *L, int status) {
  switch (status) {
    case LUA_OK: case LUA_YIELD: return COVE_STOP_NONE;
    case LUA_ERRMEM: return COVE_STOP_MEMORY;
    case COVE_ERRQUOTA: return G(L)->quota->reason;
    default: return COVE_STOP_ERROR;
  }
}

int cove_pcall(lua_State *L, int nargs, int nresults, int msgh) {
  CoveQuota *q = getquota(L);
  /* A stop from an earlier call ends with it, except running out of fuel, which lasts
   * until the host refuels (cove_setfuel). */
  if (q->stopped != COVE_STOP_FUEL)
    q->stopped = 0;
  q->reason = COVE_STOP_NONE;
  if (q->timeout_ms != 0)
    cove_setdeadline(L, q->timeout_ms);
  if (q->stopped == 0 && G(L)->budget <= 0)
    quota_grant(G(L));
  int status = lua_pcall(L, nargs, nresults, msgh);
  if (status != LUA_OK && q->stopped != 0) {
    /* The stop surfaced as another error: raised in a coroutine and re-raised by
     * coroutine.wrap, or replaced by a __close or message handler error. It still
     * was the stop. */
    status = COVE_ERRQUOTA;
    q->reason = q->stopped;
  } else {
    q->reason = reason_of(L, status);
  }
  return status;
}

int cove_stopreason(lua_State *L) {
  CoveQuota *q = G(L)->quota;
  return q != NULL ? q->reason : COVE_STOP_NONE;
}

const char *cove_stopname(int reason) {
  static const char *const names[] = {
    "none", "error", "memory", "fuel", "deadline", "interrupt"
  };
  if (reason < 0 || reason > COVE_STOP_INTERRUPT)
    return "?";
  return names[reason];
}

void cove_interrupt(lua_State *L) {
  /* Only the volatile flag: polled at the next safe point. Writing the budget from
   * here would race with the interpreter's non-atomic decrement. */
  G(L)->interrupt = 1;
}

void cove_charge(lua_State *L, size_t units) {
  global_State *g = G(L);
  if (units < (size_t)INT64_MAX && (int64_t)units < g->budget) {
    g->budget -= (int64_t)units;
    return;
  }
  /* The grant is used up. Bill what goes beyond it directly (quota_check bills the
   * grant itself), then do what a safe point does short of running finalizers: the
   * library function that called us is in the middle of its work. */
  if (g->budget > 0)
    quota_debit(g, units - (size_t)g->budget);
  vm_poll(L);
}

void cove_setfuel(lua_State *L, int64_t fuel) {
  CoveQuota *q = getquota(L);
  q->fuel = fuel > 0 ? fuel : -1;
  if (q->stopped == COVE_STOP_FUEL)
    q->stopped = 0;
  if (q->stopped == 0)
    quota_grant(G(L));
}

int64_t cove_getfuel(lua_State *L) {
  CoveQuota *q = G(L)->quota;
  if (q == NULL || q->fuel < 0)
    return -1;
  /* what is left = fuel before this grant - the part of the grant already spent */
  int64_t spent = q->granted - (G(L)->budget > 0 ? G(L)->budget : 0);
  int64_t left = q->fuel - (spent > 0 ? spent : 0);
  return left > 0 ? left : 0;
}

void cove_setdeadline(lua_State *L, uint64_t ms) {
  CoveQuota *q = getquota(L);
  q->deadline_ns = ms == 0 ? 0 : quota_now_ns() + ms * 1000000u;
  if (q->stopped == COVE_STOP_DEADLINE)
    q->stopped = 0;
}

int cove_jitenabled(lua_State *L) {
  CoveQuota *q = G(L)->quota;
  return q != NULL && q->jit;
}

int cove_loadbuffer_verified(lua_State *L, const char *buf, size_t size, const char *name) {
  /* mode "b": lua_load refuses text, and every binary chunk goes through cmp_undump,
   * whose verifier (compiler/verify.c) runs before a closure exists. */
  return luaL_loadbufferx(L, buf, size, name, "b");
}
