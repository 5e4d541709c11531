/* Calling functions from C: lua_call with fixed and multiple results, lua_pcall with a
 * message handler (luaL_traceback), C functions called from Lua, __call, and luaL helpers
 * for argument checking (§4.6 lua_call/lua_pcall, §5.1). */
#include "capi_test.h"

TestSuite(calls, .init = capi_setup, .fini = capi_teardown);

Test(calls, call_adjusts_results) {
  run("function three() return 1, 2, 3 end");
  lua_getglobal(L, "three");
  lua_call(L, 0, 1);
  cr_assert_eq(lua_gettop(L), 1);
  cr_assert_eq(lua_tointeger(L, 1), 1);
  lua_getglobal(L, "three");
  lua_call(L, 0, 5);
  cr_assert_eq(lua_gettop(L), 6);
  cr_assert(lua_isnil(L, 6));
  lua_settop(L, 0);
  lua_getglobal(L, "three");
  lua_call(L, 0, LUA_MULTRET);
  cr_assert_eq(lua_gettop(L), 3);
  cr_assert_eq(lua_tointeger(L, 3), 3);
}

Test(calls, arguments_in_order) {
  run("function sub(a, b) return a - b end");
  lua_getglobal(L, "sub");
  lua_pushinteger(L, 10);
  lua_pushinteger(L, 3);
  lua_call(L, 2, 1);
  cr_assert_eq(lua_tointeger(L, -1), 7);
}

static int sum_args(lua_State *L1) {
  int n = lua_gettop(L1);
  lua_Number total = 0;
  for (int i = 1; i <= n; i++)
    total += luaL_checknumber(L1, i);
  lua_pushnumber(L1, total);
  lua_pushinteger(L1, n);
  return 2;
}

Test(calls, c_function_from_lua) {
  lua_register(L, "sum", sum_args);
  run("local s, n = sum(1, 2, 3.5) return s, n, select('#', sum())");
  cr_assert_float_eq(lua_tonumber(L, 1), 6.5, 0);
  cr_assert_eq(lua_tointeger(L, 2), 3);
  cr_assert_eq(lua_tointeger(L, 3), 2);
}

Test(calls, call_metamethod) {
  run("return setmetatable({}, {__call = function(self, a) return a * 2 end})");
  lua_pushinteger(L, 21);
  lua_call(L, 1, 1);
  cr_assert_eq(lua_tointeger(L, -1), 42);
}

Test(calls, pcall_success_and_failure) {
  run("function ok(x) return x, 'ok' end; function bad() error({code = 7}) end");
  lua_getglobal(L, "ok");
  lua_pushinteger(L, 5);
  cr_assert_eq(lua_pcall(L, 1, 2, 0), LUA_OK);
  cr_assert_str_eq(lua_tostring(L, -1), "ok");
  lua_settop(L, 0);
  lua_getglobal(L, "bad");
  cr_assert_eq(lua_pcall(L, 0, 2, 0), LUA_ERRRUN);
  cr_assert_eq(lua_gettop(L), 1);  /* only the error object */
  cr_assert(lua_istable(L, -1));
  lua_getfield(L, -1, "code");
  cr_assert_eq(lua_tointeger(L, -1), 7);
}

Test(calls, pcall_calling_a_non_function) {
  lua_pushinteger(L, 1);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to call a number value");
}

static int traceback_handler(lua_State *L1) {
  luaL_traceback(L1, L1, lua_tostring(L1, 1), 1);
  return 1;
}

Test(calls, pcall_with_traceback_handler) {
  const char *src = "local function inner() error('deep') end\n"
                    "function outer() inner() end\n";
  cr_assert_eq(luaL_loadbuffer(L, src, strlen(src), "=src"), LUA_OK);
  lua_call(L, 0, 0);
  lua_pushcfunction(L, traceback_handler);
  lua_getglobal(L, "outer");
  cr_assert_eq(lua_pcall(L, 0, 0, 1), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1),
                   "src:1: deep\n"
                   "stack traceback:\n"
                   "\t[C]: in function 'error'\n"
                   "\tsrc:1: in upvalue 'inner'\n"
                   "\tsrc:2: in function 'outer'");
}

static int handler_adds(lua_State *L1) {
  lua_pushfstring(L1, "handled<%s>", lua_tostring(L1, 1));
  return 1;
}

Test(calls, handler_given_as_negative_index) {
  lua_pushcfunction(L, handler_adds);
  luaL_loadstring(L, "error('x', 0)");
  cr_assert_eq(lua_pcall(L, 0, 0, -2), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "handled<x>");
  cr_assert_eq(lua_gettop(L), 2);
}

static int handler_fails(lua_State *L1) {
  return luaL_error(L1, "handler broke");
}

Test(calls, error_in_handler_gives_errerr) {
  lua_pushcfunction(L, handler_fails);
  luaL_loadstring(L, "error('x')");
  int status = lua_pcall(L, 0, 0, 1);
  cr_assert_eq(status, LUA_ERRERR);
}

Test(calls, traceback_of_another_thread_and_levels) {
  lua_State *co = lua_newthread(L);
  const char *src = "function f() coroutine.yield() end";
  luaL_loadbuffer(co, src, strlen(src), "=co");
  lua_call(co, 0, 0);
  lua_getglobal(co, "f");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  luaL_traceback(L, co, "msg", 0);
  cr_assert_str_eq(lua_tostring(L, -1),
                   "msg\nstack traceback:\n\t[C]: in function 'coroutine.yield'\n\tco:1: in function 'f'");
  luaL_traceback(L, co, NULL, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "stack traceback:\n\tco:1: in function 'f'");
}

static int check_args(lua_State *L1) {
  lua_Integer i = luaL_checkinteger(L1, 1);
  size_t len;
  const char *s = luaL_checklstring(L1, 2, &len);
  lua_Number n = luaL_optnumber(L1, 3, 0.5);
  lua_Integer o = luaL_optinteger(L1, 4, -1);
  const char *os = luaL_optstring(L1, 5, "def");
  static const char *const opts[] = {"alpha", "beta", NULL};
  int which = luaL_checkoption(L1, 6, "beta", opts);
  luaL_checkany(L1, 7);
  luaL_checktype(L1, 8, LUA_TTABLE);
  lua_pushfstring(L1, "%I %s %d %f %I %s %d", i, s, (int)len, n, o, os, which);
  return 1;
}

static const char *call_check(const char *args) {
  lua_settop(L, 0);
  lua_pushcfunction(L, check_args);
  lua_setglobal(L, "check");
  char code[256];
  snprintf(code, sizeof code, "return select(2, pcall(check%s%s))", *args ? ", " : "", args);
  run(code);
  return lua_tostring(L, -1);
}

Test(calls, argument_checks_accept_good_values) {
  cr_assert_str_eq(call_check("3, 'abc', nil, nil, nil, nil, 0, {}"),
                   "3 abc 3 0.5 -1 def 1");
  cr_assert_str_eq(call_check("'4', 5, 2, 7.0, 'x', 'alpha', false, {}"),
                   "4 5 1 2.0 7 x 0");
}

Test(calls, argument_checks_report_lua54_messages) {
  cr_assert_str_eq(call_check(""),
                   "bad argument #1 to 'check' (number expected, got no value)");
  cr_assert_str_eq(call_check("1.5"),
                   "bad argument #1 to 'check' (number has no integer representation)");
  cr_assert_str_eq(call_check("'x'"),
                   "bad argument #1 to 'check' (number expected, got string)");
  cr_assert_str_eq(call_check("1, {}"),
                   "bad argument #2 to 'check' (string expected, got table)");
  cr_assert_str_eq(call_check("1, 's', 'z'"),
                   "bad argument #3 to 'check' (number expected, got string)");
  cr_assert_str_eq(call_check("1, 's', 1, 2.5"),
                   "bad argument #4 to 'check' (number has no integer representation)");
  cr_assert_str_eq(call_check("1, 's', 1, 2, 3, 'gamma'"),
                   "bad argument #6 to 'check' (invalid option 'gamma')");
  cr_assert_str_eq(call_check("1, 's', 1, 2, 3, 'beta'"),
                   "bad argument #7 to 'check' (value expected)");
  cr_assert_str_eq(call_check("1, 's', 1, 2, 3, 'beta', 0, 1"),
                   "bad argument #8 to 'check' (table expected, got number)");
}

static int method_check(lua_State *L1) {
  luaL_checkinteger(L1, 1);
  return 0;
}

Test(calls, argument_errors_adjust_for_methods) {
  lua_newtable(L);
  lua_pushcfunction(L, method_check);
  lua_setfield(L, -2, "m");
  lua_setglobal(L, "obj");
  run("return select(2, pcall(function() return obj:m() end))");
  cr_assert_str_eq(lua_tostring(L, -1), "[string \"return select(2, pcall(function() return obj:...\"]:1: "
                                         "calling 'm' on bad self (number expected, got table)");
  run("return select(2, pcall(function() return obj.m('a') end))");
  cr_assert_str_eq(lua_tostring(L, -1), "[string \"return select(2, pcall(function() return obj....\"]:1: "
                                         "bad argument #1 to 'm' (number expected, got string)");
}

static int typeerror_udata(lua_State *L1) {
  return luaL_typeerror(L1, 1, "Widget");
}

Test(calls, typeerror_uses_name_field) {
  lua_pushcfunction(L, typeerror_udata);
  lua_setglobal(L, "te");
  run("return select(2, pcall(te, setmetatable({}, {__name = 'Gadget'})))");
  cr_assert_str_eq(lua_tostring(L, -1), "bad argument #1 to 'te' (Widget expected, got Gadget)");
  lua_pushcfunction(L, typeerror_udata);
  lua_pushlightuserdata(L, L);
  lua_pcall(L, 1, 0, 0);
  cr_assert_str_eq(lua_tostring(L, -1), "bad argument #1 to 'te' (Widget expected, got light userdata)");
}

static int cont_result(lua_State *L1, int status, lua_KContext ctx) {
  lua_pushinteger(L1, (lua_Integer)ctx);
  lua_pushinteger(L1, status);
  return lua_gettop(L1);
}

static int uses_callk(lua_State *L1) {
  lua_pushvalue(L1, 1);
  lua_callk(L1, 0, 1, 77, cont_result);
  return cont_result(L1, LUA_OK, 77);
}

Test(calls, callk_without_yield_returns_directly) {
  lua_pushcfunction(L, uses_callk);
  run("return function() return 'r' end");
  lua_call(L, 1, LUA_MULTRET);
  cr_assert_eq(lua_gettop(L), 4);
  cr_assert_str_eq(lua_tostring(L, 2), "r");
  cr_assert_eq(lua_tointeger(L, 3), 77);
  cr_assert_eq(lua_tointeger(L, 4), LUA_OK);
}

Test(calls, deep_recursion_through_c_gives_stack_overflow) {
  run("function rec(n) return pcall(rec, n + 1) end");
  const char *msg = run_fail("local function r() return 1 + r() end return r()", LUA_ERRRUN);
  cr_assert(strstr(msg, "stack overflow") != NULL, "%s", msg);
}

Test(calls, luaL_dostring_and_dofile_results) {
  cr_assert_eq(luaL_dostring(L, "return 1, 2"), LUA_OK);
  cr_assert_eq(lua_gettop(L), 2);
  cr_assert_eq(luaL_dofile(L, "/nonexistent/file.lua"), 1);  /* the macro's || gives 1 */
  cr_assert_eq(luaL_loadfile(L, "/nonexistent/file.lua"), LUA_ERRFILE);
  cr_assert_str_eq(lua_tostring(L, -1), "cannot open /nonexistent/file.lua: No such file or directory");
}
