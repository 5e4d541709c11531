/* Upvalues: C closures (lua_pushcclosure, lua_upvalueindex), lua_getupvalue/lua_setupvalue
 * on C and Lua functions, lua_upvalueid identity and lua_upvaluejoin (§4.6, §4.7). */
#include "capi_test.h"

TestSuite(upvalues, .init = capi_setup, .fini = capi_teardown);

static int counter(lua_State *L1) {
  lua_Integer n = lua_tointeger(L1, lua_upvalueindex(1)) + lua_tointeger(L1, lua_upvalueindex(2));
  lua_pushinteger(L1, n);
  lua_copy(L1, -1, lua_upvalueindex(1));
  return 1;
}

Test(upvalues, c_closure_state_persists) {
  lua_pushinteger(L, 0);
  lua_pushinteger(L, 5);
  lua_pushcclosure(L, counter, 2);
  lua_setglobal(L, "step");
  run("step() step() return step()");
  cr_assert_eq(lua_tointeger(L, -1), 15);
}

Test(upvalues, getupvalue_of_c_closure_has_empty_names) {
  lua_pushstring(L, "a");
  lua_pushstring(L, "b");
  lua_pushcclosure(L, counter, 2);
  cr_assert_str_eq(lua_getupvalue(L, 1, 2), "");
  cr_assert_str_eq(lua_tostring(L, -1), "b");
  lua_pop(L, 1);
  cr_assert_null(lua_getupvalue(L, 1, 3));
  cr_assert_null(lua_getupvalue(L, 1, 0));
  lua_pushstring(L, "new");
  cr_assert_str_eq(lua_setupvalue(L, 1, 1), "");
  cr_assert_eq(lua_gettop(L), 1);
  lua_getupvalue(L, 1, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "new");
  lua_pushcfunction(L, counter);  /* light function: no upvalues */
  cr_assert_null(lua_getupvalue(L, -1, 1));
}

Test(upvalues, lua_function_upvalue_names) {
  run("local x, y = 10, 20\n"
      "return function() return x + y end");
  cr_assert_str_eq(lua_getupvalue(L, 1, 1), "x");
  cr_assert_eq(lua_tointeger(L, -1), 10);
  cr_assert_str_eq(lua_getupvalue(L, 1, 2), "y");
  lua_settop(L, 1);
  cr_assert_null(lua_getupvalue(L, 1, 3));
  lua_pushinteger(L, 100);
  cr_assert_str_eq(lua_setupvalue(L, 1, 2), "y");
  lua_call(L, 0, 1);
  cr_assert_eq(lua_tointeger(L, -1), 110);
}

Test(upvalues, main_chunk_has_env_upvalue) {
  luaL_loadstring(L, "return x");
  cr_assert_str_eq(lua_getupvalue(L, 1, 1), "_ENV");
  lua_pushglobaltable(L);
  cr_assert(lua_rawequal(L, -1, -2));
  lua_settop(L, 1);
  lua_newtable(L);
  lua_pushstring(L, "sandboxed");
  lua_setfield(L, -2, "x");
  cr_assert_str_eq(lua_setupvalue(L, 1, 1), "_ENV");
  lua_call(L, 0, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "sandboxed");
}

Test(upvalues, upvalueid_shows_sharing) {
  run("local a, b = 1, 2\n"
      "local function f() return a, b end\n"
      "local function g() return a end\n"
      "return f, g");
  cr_assert_eq(lua_upvalueid(L, 1, 1), lua_upvalueid(L, 2, 1));
  cr_assert_neq(lua_upvalueid(L, 1, 1), lua_upvalueid(L, 1, 2));
  cr_assert_null(lua_upvalueid(L, 1, 3));
}

Test(upvalues, upvalueid_of_c_closures) {
  lua_pushinteger(L, 1);
  lua_pushinteger(L, 2);
  lua_pushcclosure(L, counter, 2);
  cr_assert_not_null(lua_upvalueid(L, 1, 1));
  cr_assert_neq(lua_upvalueid(L, 1, 1), lua_upvalueid(L, 1, 2));
  cr_assert_null(lua_upvalueid(L, 1, 3));
}

Test(upvalues, upvaluejoin_makes_closures_share) {
  run("local a = 'A'\nlocal b = 'B'\n"
      "local function fa() return a end\n"
      "local function fb() b = b .. '!' return b end\n"
      "return fa, fb");
  lua_upvaluejoin(L, 1, 1, 2, 1);  /* fa's a now refers to fb's b */
  cr_assert_eq(lua_upvalueid(L, 1, 1), lua_upvalueid(L, 2, 1));
  lua_pushvalue(L, 2);
  lua_call(L, 0, 0);
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "B!");
}

Test(upvalues, upvalues_close_when_scope_ends) {
  run("local fs = {}\n"
      "for i = 1, 3 do fs[i] = function() i = i + 10 return i end end\n"
      "return fs[1], fs[2]");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  cr_assert_eq(lua_tointeger(L, -1), 11);
  cr_assert_neq(lua_upvalueid(L, 1, 1), lua_upvalueid(L, 2, 1));
  lua_getupvalue(L, 2, 1);
  cr_assert_eq(lua_tointeger(L, -1), 2);
}
