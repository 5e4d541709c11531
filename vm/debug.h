/* Debug information: current line, function names for tracebacks, and variable
 * descriptions for error messages ("(local 't')", "(global 'f')", "(field 'x')",
 * "(upvalue 'u')", "(constant 'c')") found by symbolic execution of the bytecode. */
#ifndef COVE_DEBUG_H
#define COVE_DEBUG_H

#include "state.h"

int dbg_currentline(CallInfo *ci);
int dbg_pcof(CallInfo *ci);                         /* index of the running instruction */
NORETURN void dbg_typeerror(lua_State *L, const Value *o, const char *op);  /* "attempt to <op> a <type> value<varinfo>" */
NORETURN void dbg_callerror(lua_State *L, const Value *o);
NORETURN void dbg_forerror(lua_State *L, const Value *o, const char *what);
NORETURN void dbg_concaterror(lua_State *L, const Value *a, const Value *b);
NORETURN void dbg_opinterror(lua_State *L, const Value *a, const Value *b, const char *msg);
NORETURN void dbg_tointerror(lua_State *L, const Value *a, const Value *b);
NORETURN void dbg_ordererror(lua_State *L, const Value *a, const Value *b);
/* Add "chunk:line:" of the running Lua function to msg and push it. */
const char *dbg_addinfo(lua_State *L, const char *msg, String *src, int line);
void dbg_chunkid(char *out, const char *source, size_t srclen);  /* lua5.4's luaO_chunkid, LUA_IDSIZE */

/* Name of local n (1-based) of frame ci, or NULL; *pos (if pos) gets its slot.
 * Negative n names varargs ("(vararg)"); C frames get "(C temporary)". */
/* How the function that frame ci is calling was named in ci's code ("global", "method",
 * "metamethod", "for iterator", "hook"...), with the name in *name; NULL if unknown. */
const char *dbg_funcnamefromcall(lua_State *L, CallInfo *ci, const char **name);
const char *dbg_findlocal(lua_State *L, CallInfo *ci, int n, Value **pos);

#endif
