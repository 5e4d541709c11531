/* Closures, upvalues and prototypes: creation, capture of open upvalues, closing
 * upvalues and to-be-closed variables on scope exit. */
#ifndef COVE_FUNC_H
#define COVE_FUNC_H

#include "state.h"

Proto *func_newproto(lua_State *L);
LClosure *func_newLclosure(lua_State *L, int nupvals);
CClosure *func_newCclosure(lua_State *L, int nupvals);
void func_initupvals(lua_State *L, LClosure *cl);     /* fresh closed nil upvalues (main chunks) */
UpVal *func_findupval(lua_State *L, Value *level);   /* open upvalue for a stack slot */
void func_closeupval(lua_State *L, Value *level);    /* close open upvalues >= level */
void func_newtbcupval(lua_State *L, Value *level);   /* TBC: check __close, register */
/* Close upvalues and call __close of tbc variables >= level; status is the error status
 * being propagated (LUA_OK on normal exit). Returns the level (stack may move). */
Value *func_close(lua_State *L, Value *level, int status, int yy);
const char *func_getlocalname(const Proto *p, int local_number, int pc);

#endif
