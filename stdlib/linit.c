/* luaL_openlibs: opens every standard library into a state, the way lua5.4's linit.c
 * does (require-able through package.loaded, and set as globals). Libraries whose
 * source file is not in the tree yet are referenced weakly and skipped when absent,
 * so a partial tree still links; see spec/capi.md. */
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#define WEAK __attribute__((weak))

/* Libraries still being written: linked when their object file is in libcove.a. */
WEAK int luaopen_package(lua_State *L);
WEAK int luaopen_io(lua_State *L);
WEAK int luaopen_debug(lua_State *L);

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
  for (const luaL_Reg *lib = loaded_libs; lib->name != NULL; lib++) {
    if (lib->func == NULL)
      continue;  /* weak reference to a library that is not linked in */
    luaL_requiref(L, lib->name, lib->func, 1);
    lua_pop(L, 1);
  }
}
