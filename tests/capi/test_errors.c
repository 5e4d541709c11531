/* Raising and catching errors: lua_error with any value, luaL_error's position prefix,
 * luaL_where, argument errors, error objects through nested pcalls, to-be-closed
 * variables on error, and the panic function for unprotected errors (§4.4, §4.6). */
#include <setjmp.h>

#include "capi_test.h"

TestSuite(errors, .init = capi_setup, .fini = capi_teardown);

static int raise_top(lua_State *L1) {
  return lua_error(L1);
}

Test(errors, lua_error_raises_any_value) {
  lua_pushcfunction(L, raise_top);
  lua_newtable(L);
  lua_pushvalue(L, -1);
  lua_insert(L, 1);
  cr_assert_eq(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  cr_assert(lua_rawequal(L, -1, 1));  /* the same table, untouched */
  lua_pushcfunction(L, raise_top);
  lua_pushnil(L);
  cr_assert_eq(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  cr_assert(lua_isnil(L, -1));
  lua_pushcfunction(L, raise_top);
  lua_pushinteger(L, 42);
  cr_assert_eq(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  cr_assert(lua_isinteger(L, -1));
}

static int l_error_fmt(lua_State *L1) {
  return luaL_error(L1, "value %d of %s", 3, "x");
}

Test(errors, luaL_error_adds_lua_position_when_called_from_lua) {
  lua_register(L, "cerr", l_error_fmt);
  const char *src = "\n\ncerr()";
  luaL_loadbuffer(L, src, strlen(src), "=where");
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  /* level 1 is the Lua caller of the C function */
  cr_assert_str_eq(lua_tostring(L, -1), "where:3: value 3 of x");
}

static int where_caller(lua_State *L1) {
  luaL_where(L1, 1);
  luaL_where(L1, 2);
  luaL_where(L1, 5);
  return 3;
}

Test(errors, luaL_where_levels) {
  lua_register(L, "w", where_caller);
  const char *src = "local function f()\n  return w()\nend\nreturn f()";
  luaL_loadbuffer(L, src, strlen(src), "@file.lua");
  lua_call(L, 0, 3);
  cr_assert_str_eq(lua_tostring(L, 1), "file.lua:2: ");
  cr_assert_str_eq(lua_tostring(L, 2), "");  /* 'return f()' is a tail call: no main chunk */
  cr_assert_str_eq(lua_tostring(L, 3), "");
}

Test(errors, error_function_levels_from_lua) {
  const char *src = "local function f() error('lvl2', 2) end\nlocal ok, m = pcall(function()\n f()\nend)\nreturn m";
  luaL_loadbuffer(L, src, strlen(src), "=lv");
  lua_call(L, 0, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "lv:3: lvl2");
}

static int argerror_ext(lua_State *L1) {
  return luaL_argerror(L1, 2, "custom reason");
}

static int argexpected_fail(lua_State *L1) {
  luaL_argexpected(L1, lua_isstring(L1, 1), 1, "stringish");
  return 0;
}

static int argcheck_fail(lua_State *L1) {
  luaL_argcheck(L1, lua_gettop(L1) > 5, 1, "need more");
  return 0;
}

Test(errors, argument_error_helpers) {
  lua_register(L, "ae", argerror_ext);
  lua_register(L, "ax", argexpected_fail);
  lua_register(L, "ac", argcheck_fail);
  run("return select(2, pcall(ae)), select(2, pcall(ax, {})), select(2, pcall(ac))");
  cr_assert_str_eq(lua_tostring(L, 1), "bad argument #2 to 'ae' (custom reason)");
  cr_assert_str_eq(lua_tostring(L, 2), "bad argument #1 to 'ax' (stringish expected, got table)");
  cr_assert_str_eq(lua_tostring(L, 3), "bad argument #1 to 'ac' (need more)");
}

Test(errors, runtime_error_messages_name_variables) {
  cr_assert_str_eq(run_fail("local t = {} return t.a.b", LUA_ERRRUN),
                   "[string \"local t = {} return t.a.b\"]:1: attempt to index a nil value (field 'a')");
  lua_pop(L, 1);
  cr_assert_str_eq(run_fail("return 1 + {}", LUA_ERRRUN),
                   "[string \"return 1 + {}\"]:1: attempt to perform arithmetic on a table value");
  lua_pop(L, 1);
  cr_assert_str_eq(run_fail("return #5", LUA_ERRRUN),
                   "[string \"return #5\"]:1: attempt to get length of a number value");
  lua_pop(L, 1);
  cr_assert_str_eq(run_fail("undefinedfn()", LUA_ERRRUN),
                   "[string \"undefinedfn()\"]:1: attempt to call a nil value (global 'undefinedfn')");
  lua_pop(L, 1);
  cr_assert_str_eq(run_fail("return 1 < 'x'", LUA_ERRRUN),
                   "[string \"return 1 < 'x'\"]:1: attempt to compare number with string");
}

Test(errors, syntax_errors_have_status_and_message) {
  cr_assert_str_eq(run_fail("x = = 1", LUA_ERRSYNTAX), "[string \"x = = 1\"]:1: unexpected symbol near '='");
  lua_pop(L, 1);
  cr_assert_str_eq(run_fail("for", LUA_ERRSYNTAX), "[string \"for\"]:1: <name> expected near <eof>");
  lua_pop(L, 1);
  cr_assert_str_eq(run_fail("a = 'unfinished", LUA_ERRSYNTAX),
                   "[string \"a = 'unfinished\"]:1: unfinished string near <eof>");
}

Test(errors, nested_pcalls_keep_the_stack_consistent) {
  run("function lvl(n) if n == 0 then error('bottom', 0) end\n"
      "  local ok, e = pcall(lvl, n - 1) error(e .. '<' .. n, 0) end");
  lua_getglobal(L, "lvl");
  lua_pushinteger(L, 3);
  cr_assert_eq(lua_pcall(L, 1, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "bottom<1<2<3");
  cr_assert_eq(lua_gettop(L), 1);
}

Test(errors, error_object_tostring) {
  const char *msg = run_fail("error(setmetatable({}, {__tostring = function() return 'E!' end}))",
                             LUA_ERRRUN);
  cr_assert_null(msg);  /* a table: lua_tostring gives NULL */
  cr_assert_str_eq(luaL_tolstring(L, -1, NULL), "E!");
}

Test(errors, to_be_closed_runs_on_error_with_the_error) {
  run("log = ''");
  const char *msg = run_fail(
      "local x <close> = setmetatable({}, {__close = function(o, e) log = log .. 'closed:' .. e end})\n"
      "error('boom', 0)", LUA_ERRRUN);
  cr_assert_str_eq(msg, "boom");
  lua_getglobal(L, "log");
  cr_assert_str_eq(lua_tostring(L, -1), "closed:boom");
}

Test(errors, error_in_close_replaces_the_error) {
  const char *msg = run_fail(
      "local x <close> = setmetatable({}, {__close = function() error('in close', 0) end})\n"
      "error('first', 0)", LUA_ERRRUN);
  cr_assert_str_eq(msg, "in close");
}

static int tbc_in_c(lua_State *L1) {
  run("return setmetatable({}, {__close = function(o, e) closed_with = e end})");
  lua_toclose(L1, -1);
  return luaL_error(L1, "c error");
}

Test(errors, toclose_from_c_closes_on_error) {
  lua_pushcfunction(L, tbc_in_c);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "c error");
  lua_getglobal(L, "closed_with");
  cr_assert_str_eq(lua_tostring(L, -1), "c error");
}

static int bad_toclose(lua_State *L1) {
  lua_newtable(L1);  /* no __close */
  lua_toclose(L1, -1);
  return 0;
}

Test(errors, toclose_requires_a_close_metamethod) {
  lua_pushcfunction(L, bad_toclose);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "variable '(C temporary)' got a non-closable value");
}

static jmp_buf panic_jump;
static char panic_message[128];

static int my_panic(lua_State *L1) {
  const char *m = lua_tostring(L1, -1);
  snprintf(panic_message, sizeof panic_message, "%s", m ? m : "?");
  longjmp(panic_jump, 1);
  return 0;
}

Test(errors, unprotected_error_calls_the_panic_function) {
  lua_CFunction old = lua_atpanic(L, my_panic);
  cr_assert_not_null(old);  /* luaL_newstate installs one */
  if (setjmp(panic_jump) == 0) {
    lua_pushstring(L, "unprotected!");
    lua_error(L);
    cr_assert_fail("lua_error returned");
  }
  cr_assert_str_eq(panic_message, "unprotected!");
  L = NULL;  /* the state is not usable after a panic; do not close it */
}

Test(errors, status_of_a_state) {
  cr_assert_eq(lua_status(L), LUA_OK);
}
