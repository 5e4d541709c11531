/* The standard libraries: their global names and the luaopen_* entry points, plus
 * luaL_openlibs (stdlib/linit.c) that opens them all into a state. Each library lives
 * in its own file under stdlib/. Includes only lua.h and the C standard library. */
#ifndef lualib_h
#define lualib_h

#include "lua.h"

/* Version suffix for environment variable names (LUA_INIT_5_4, LUA_PATH_5_4...). */
#define LUA_VERSUFFIX "_" LUA_VERSION_MAJOR "_" LUA_VERSION_MINOR

LUAMOD_API int (luaopen_base)(lua_State *L);

#define LUA_COLIBNAME "coroutine"
LUAMOD_API int (luaopen_coroutine)(lua_State *L);

#define LUA_TABLIBNAME "table"
LUAMOD_API int (luaopen_table)(lua_State *L);

#define LUA_IOLIBNAME "io"
LUAMOD_API int (luaopen_io)(lua_State *L);

#define LUA_OSLIBNAME "os"
LUAMOD_API int (luaopen_os)(lua_State *L);

#define LUA_STRLIBNAME "string"
LUAMOD_API int (luaopen_string)(lua_State *L);

#define LUA_UTF8LIBNAME "utf8"
LUAMOD_API int (luaopen_utf8)(lua_State *L);

#define LUA_MATHLIBNAME "math"
LUAMOD_API int (luaopen_math)(lua_State *L);

#define LUA_DBLIBNAME "debug"
LUAMOD_API int (luaopen_debug)(lua_State *L);

#define LUA_LOADLIBNAME "package"
LUAMOD_API int (luaopen_package)(lua_State *L);

/* Not opened by luaL_openlibs: luaL_openlibs only puts it in package.preload, so
 * `require "ffi"` loads it (stdlib/ffilib.c, spec/ffi.md). */
#define LUA_FFILIBNAME "ffi"
LUAMOD_API int (luaopen_ffi)(lua_State *L);

/* Opens all standard libraries into the given state. */
LUALIB_API void (luaL_openlibs)(lua_State *L);

#endif
