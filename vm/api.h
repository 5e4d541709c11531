/* Internals of the C API (vm/api.c) that other VM modules use: the lua_pushfstring
 * formatter, which vm_runerror and the error paths share so every message is formatted
 * one way, and the mapping from a value's tag to its public LUA_T* type. */
#ifndef COVE_API_H
#define COVE_API_H

#include <stdarg.h>

#include "state.h"

/* Formats like lua5.4's lua_pushvfstring (%s %d %I %f %p %c %U %%), pushes the result
 * on L's stack and returns its contents. Raises an error on an unknown option. */
const char *api_pushvfstring(lua_State *L, const char *fmt, va_list argp);
const char *api_pushfstring(lua_State *L, const char *fmt, ...);

/* LUA_TNIL..LUA_TTHREAD for a value (never LUA_TNONE). */
int api_typeof(const Value *o);

#endif
