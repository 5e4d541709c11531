/* Per-universe quotas behind cove.h: fuel, wall-clock deadline, interrupt stops and
 * the recorded stop reason. vm/cove.c sets them up; quota_check, run by vm_safepoint
 * when the safe-point budget runs out, enforces them (spec/capi.md, spec/safepoints.md). */
#ifndef COVE_QUOTA_H
#define COVE_QUOTA_H

#include "state.h"

typedef struct CoveQuota {
  int jit;                  /* CoveOptions.jit, recorded */
  int reason;               /* last stop reason, COVE_STOP_* */
  int stopped;              /* sticky quota stop (COVE_STOP_FUEL/...) or 0 */
  int64_t fuel;             /* units left before the current grant; -1 = unlimited */
  int64_t granted;          /* budget handed to the interpreter at the last grant */
  uint64_t timeout_ms;      /* CoveOptions.timeout_ms: deadline set by each cove_pcall */
  uint64_t deadline_ns;     /* CLOCK_MONOTONIC time to stop at; 0 = none */
} CoveQuota;

/* Called by vm_safepoint right after it refilled the budget: charges the spent grant
 * to the fuel, reads the clock when a deadline is set, turns an interrupt into a quota
 * stop, and hands out the next grant. Raises COVE_ERRQUOTA to stop; does nothing for
 * states without a CoveQuota. */
void quota_check(lua_State *L);

/* Bill `units` of work that cannot stop on the spot (copying the stack as it grows or
 * shrinks): straight to the fuel, and the budget drops to zero when the fuel is gone, so
 * the next safe point stops the script. Never raises. */
void quota_debit(global_State *g, size_t units);

/* Give the interpreter its next grant: min(VM_BUDGET_REFILL, fuel left). */
void quota_grant(global_State *g);

/* Monotonic clock in nanoseconds. */
uint64_t quota_now_ns(void);

#endif
