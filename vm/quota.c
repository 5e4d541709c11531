/* Enforcement of the cove_* quotas at safe points. The interpreter charges a shared
 * budget (global_State.budget) at every function entry and loop iteration; when it
 * runs out vm_safepoint refills it and calls quota_check, which converts the spent
 * grant into fuel and, every grant (<= 65536 units), reads the clock. A stop is sticky:
 * the budget is zeroed so the very next safe point raises it again (pcall cannot
 * swallow it for long). */
#include <time.h>

#include "quota.h"

#include "call.h"
#include "cove.h"
#include "str.h"

uint64_t quota_now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void quota_grant(global_State *g) {
  CoveQuota *q = g->quota;
  int64_t grant = VM_BUDGET_REFILL;
  if (q->fuel >= 0 && q->fuel < grant)
    grant = q->fuel;
  q->granted = grant;
  g->budget = grant;
}

static const char *const stop_messages[] = {
  [COVE_STOP_FUEL] = "fuel exhausted",
  [COVE_STOP_DEADLINE] = "deadline exceeded",
  [COVE_STOP_INTERRUPT] = "interrupted!",
};

NORETURN static void quota_stop(lua_State *L, int reason) {
  global_State *g = G(L);
  g->quota->stopped = reason;
  g->quota->reason = reason;
  g->quota->granted = 0;
  g->budget = 0;  /* the next safe point comes straight back here */
  setsvalue(L->top, str_newz(L, stop_messages[reason]));
  L->top++;
  vm_throw(L, COVE_ERRQUOTA);
}

void quota_debit(global_State *g, size_t units) {
  CoveQuota *q = g->quota;
  if (q == NULL || q->fuel < 0)
    return;
  q->fuel = units >= (uint64_t)q->fuel ? 0 : q->fuel - (int64_t)units;
  if (q->fuel == 0)
    g->budget = 0;
}

void quota_check(lua_State *L) {
  global_State *g = G(L);
  CoveQuota *q = g->quota;
  if (q == NULL)
    return;  /* a plain lua_newstate universe: vm_safepoint's own handling */
  if (q->stopped)
    quota_stop(L, q->stopped);
  if (g->interrupt) {
    g->interrupt = 0;
    quota_stop(L, COVE_STOP_INTERRUPT);
  }
  if (q->fuel >= 0) {
    /* The whole grant is spent (the budget reached zero); the overshoot of the last
     * charge, at most one loop body's cost, is not billed. */
    q->fuel -= q->granted;
    if (q->fuel <= 0) {
      q->fuel = 0;
      quota_stop(L, COVE_STOP_FUEL);
    }
  }
  if (q->deadline_ns != 0 && quota_now_ns() >= q->deadline_ns)
    quota_stop(L, COVE_STOP_DEADLINE);
  quota_grant(g);
}
