/* Remaining auxiliary-library helpers (§5.1): luaL_fileresult and luaL_execresult result
 * conventions, luaL_opt, luaL_checkversion, luaL_checkoption defaults, luaL_argexpected
 * with no value, and luaL_openlibs' global library tables. */
#include <errno.h>

#include "capi_test.h"

TestSuite(auxlib, .init = capi_setup, .fini = capi_teardown);

Test(auxlib, fileresult_success_and_failure) {
  cr_assert_eq(luaL_fileresult(L, 1, "f"), 1);
  cr_assert(lua_toboolean(L, -1));
  lua_settop(L, 0);
  errno = ENOENT;
  cr_assert_eq(luaL_fileresult(L, 0, "name.txt"), 3);
  cr_assert(lua_isnil(L, 1));
  cr_assert_str_eq(lua_tostring(L, 2), "name.txt: No such file or directory");
  cr_assert_eq(lua_tointeger(L, 3), ENOENT);
  lua_settop(L, 0);
  errno = EACCES;
  luaL_fileresult(L, 0, NULL);
  cr_assert_str_eq(lua_tostring(L, 2), "Permission denied");
}

Test(auxlib, execresult_conventions) {
  errno = 0;
  cr_assert_eq(luaL_execresult(L, 0), 3);
  cr_assert(lua_toboolean(L, 1));
  cr_assert_str_eq(lua_tostring(L, 2), "exit");
  cr_assert_eq(lua_tointeger(L, 3), 0);
  lua_settop(L, 0);
  errno = 0;  /* a non-zero status with errno set is reported as a system error */
  cr_assert_eq(luaL_execresult(L, 3 << 8), 3);  /* a wait status: exit code 3 */
  cr_assert(lua_isnil(L, 1));
  cr_assert_str_eq(lua_tostring(L, 2), "exit");
  cr_assert_eq(lua_tointeger(L, 3), 3);
}

static int opt_user(lua_State *L1) {
  lua_Integer v = luaL_opt(L1, luaL_checkinteger, 1, -5);
  lua_pushinteger(L1, v);
  return 1;
}

Test(auxlib, opt_macro) {
  lua_register(L, "opt", opt_user);
  run("return opt(), opt(nil), opt(7), select(2, pcall(opt, 'x'))");
  cr_assert_eq(lua_tointeger(L, 1), -5);
  cr_assert_eq(lua_tointeger(L, 2), -5);
  cr_assert_eq(lua_tointeger(L, 3), 7);
  cr_assert_str_eq(lua_tostring(L, 4), "bad argument #1 to 'opt' (number expected, got string)");
}

Test(auxlib, checkversion_passes) {
  luaL_checkversion_(L, LUA_VERSION_NUM, LUAL_NUMSIZES);
  cr_assert_eq(LUAL_NUMSIZES, sizeof(lua_Integer) * 16 + sizeof(lua_Number));
}

Test(auxlib, openlibs_sets_every_library) {
  const char *libs[] = {"_G", "package", "coroutine", "table", "io", "os", "string", "math",
                        "utf8", "debug"};
  for (size_t i = 0; i < sizeof libs / sizeof libs[0]; i++) {
    cr_assert_eq(lua_getglobal(L, libs[i]), LUA_TTABLE, "%s", libs[i]);
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    cr_assert_eq(lua_getfield(L, -1, libs[i]), LUA_TTABLE, "loaded.%s", libs[i]);
    cr_assert(lua_rawequal(L, -1, -3));
    lua_settop(L, 0);
  }
  cr_assert_eq(lua_getfield(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE), LUA_TTABLE);
  lua_getglobal(L, "_VERSION");
  cr_assert_str_eq(lua_tostring(L, -1), "Lua 5.4");
}

Test(auxlib, individual_openers_with_requiref) {
  lua_State *L2 = luaL_newstate();
  luaL_requiref(L2, LUA_GNAME, luaopen_base, 1);
  luaL_requiref(L2, LUA_STRLIBNAME, luaopen_string, 1);
  lua_settop(L2, 0);
  cr_assert_eq(luaL_dostring(L2, "return ('%d'):format(5), type(math)"), LUA_OK);
  cr_assert_str_eq(lua_tostring(L2, 1), "5");
  cr_assert_str_eq(lua_tostring(L2, 2), "nil");
  lua_close(L2);
}
