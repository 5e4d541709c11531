/* The interpreter loop: runs Lua frames from ci until the frame marked CIST_FRESH
 * returns. Dispatch is computed goto; see spec/bytecode.md for every opcode. */
#ifndef COVE_INTERP_H
#define COVE_INTERP_H

#include "state.h"

void vm_execute(lua_State *L, CallInfo *ci);
/* Finish an interrupted opcode after a yield inside a metamethod (lua5.4 luaV_finishOp). */
void vm_finishop(lua_State *L);
/* Safe-point slow path: vm_poll, then dead-stack clearing and pending finalizers
 * (spec/safepoints.md). */
void vm_safepoint(lua_State *L);
/* The part of a safe point that C code in mid-work may run too (cove_charge): refill
 * the budget, enforce the quotas, raise a pending interrupt. */
void vm_poll(lua_State *L);

#endif
