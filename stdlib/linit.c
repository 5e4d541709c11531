/* luaL_openlibs: opens every standard library into a state, the way lua5.4's linit.c
 * does: each is loaded through luaL_requiref, so it is both in package.loaded and a
 * global. The order matters only in that base comes first (the others may use it). */
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static const luaL_Reg loaded_libs[] = {
  {LUA_GNAME, luaopen_base},
  {LUA_LOADLIBNAME, luaopen_package},
  {LUA_COLIBNAME, luaopen_coroutine},
  {LUA_TABLIBNAME, luaopen_table},
  {LUA_IOLIBNAME, luaopen_io},
  {LUA_OSLIBNAME, luaopen_os},
  {LUA_STRLIBNAME, luaopen_string},
  {LUA_MATHLIBNAME, luaopen_math},
  {LUA_UTF8LIBNAME, luaopen_utf8},
  {LUA_DBLIBNAME, luaopen_debug},
  {NULL, NULL}
};

void luaL_openlibs(lua_State *L) {
  for (const luaL_Reg *lib = loaded_libs; lib->func != NULL; lib++) {
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);  /* the module */
  }
  /* The ffi is preloaded, not opened: a script gets it with require "ffi". Whether the
   * state may have it is luaopen_ffi's question (cap_ffi_allowed, spec/ffi.md). */
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_pushcfunction(L, luaopen_ffi);
  lua_setfield(L, -2, LUA_FFILIBNAME);
  lua_pop(L, 1);  /* the preload table */
}
