/* Stack manipulation: indices, pseudo-indices, settop/rotate/copy/replace, checkstack and
 * moving values between threads (reference manual §4.1-4.3, §4.6). */
#include "capi_test.h"

TestSuite(stack, .init = capi_setup, .fini = capi_teardown);

static void push_range(int n) {
  for (int i = 1; i <= n; i++)
    lua_pushinteger(L, i);
}

static void assert_stack(const char *expect) {
  /* expect: digits, one per slot, '.' for nil */
  int n = (int)strlen(expect);
  cr_assert_eq(lua_gettop(L), n, "top %d, wanted %d", lua_gettop(L), n);
  for (int i = 1; i <= n; i++) {
    if (expect[i - 1] == '.')
      cr_assert(lua_isnil(L, i), "slot %d not nil", i);
    else
      cr_assert_eq(lua_tointeger(L, i), expect[i - 1] - '0', "slot %d", i);
  }
}

Test(stack, empty_state_has_top_zero) {
  cr_assert_eq(lua_gettop(L), 0);
  cr_assert_eq(lua_type(L, 1), LUA_TNONE);
  cr_assert(lua_isnone(L, 1));
  cr_assert(lua_isnoneornil(L, 1));
}

Test(stack, settop_fills_with_nil_and_pops) {
  push_range(2);
  lua_settop(L, 4);
  assert_stack("12..");
  lua_settop(L, -2);
  assert_stack("12.");
  lua_pop(L, 2);
  assert_stack("1");
  lua_settop(L, 0);
  assert_stack("");
}

Test(stack, absindex_keeps_pseudo_indices) {
  push_range(3);
  cr_assert_eq(lua_absindex(L, -1), 3);
  cr_assert_eq(lua_absindex(L, -3), 1);
  cr_assert_eq(lua_absindex(L, 2), 2);
  cr_assert_eq(lua_absindex(L, LUA_REGISTRYINDEX), LUA_REGISTRYINDEX);
  cr_assert_eq(lua_absindex(L, lua_upvalueindex(1)), lua_upvalueindex(1));
}

Test(stack, rotate_both_directions) {
  push_range(5);
  lua_rotate(L, 2, 1);
  assert_stack("15234");
  lua_rotate(L, 2, -1);
  assert_stack("12345");
  lua_rotate(L, 1, 2);
  assert_stack("45123");
  lua_rotate(L, -2, 1);
  assert_stack("45132");
}

Test(stack, insert_remove_replace_copy) {
  push_range(4);
  lua_insert(L, 1);     /* 4 1 2 3 */
  assert_stack("4123");
  lua_remove(L, 2);     /* 4 2 3 */
  assert_stack("423");
  lua_replace(L, 1);    /* 3 2 */
  assert_stack("32");
  lua_copy(L, 2, 1);    /* 2 2 */
  assert_stack("22");
  lua_pushvalue(L, -1);
  assert_stack("222");
}

Test(stack, constants_are_lua54s) {
  cr_assert_eq(LUA_REGISTRYINDEX, -1001000);
  cr_assert_eq(lua_upvalueindex(1), LUA_REGISTRYINDEX - 1);
  cr_assert_eq(LUA_MINSTACK, 20);
  cr_assert_eq(LUA_RIDX_MAINTHREAD, 1);
  cr_assert_eq(LUA_RIDX_GLOBALS, 2);
  cr_assert_eq(LUA_MULTRET, -1);
  cr_assert_eq(LUA_VERSION_NUM, 504);
  cr_assert_eq(LUA_OK, 0);
  cr_assert_eq(LUA_YIELD, 1);
  cr_assert_eq(LUA_ERRRUN, 2);
  cr_assert_eq(LUA_ERRSYNTAX, 3);
  cr_assert_eq(LUA_ERRMEM, 4);
  cr_assert_eq(LUA_ERRERR, 5);
  cr_assert_eq(LUA_ERRFILE, LUA_ERRERR + 1);
  cr_assert_eq(LUA_NUMTYPES, 9);
  cr_assert_eq(LUA_TTHREAD, 8);
  cr_assert_eq(LUA_TNONE, -1);
}

Test(stack, checkstack_allows_pushes) {
  cr_assert(lua_checkstack(L, 1000));
  for (int i = 0; i < 1000; i++)
    lua_pushinteger(L, i);
  cr_assert_eq(lua_gettop(L), 1000);
  cr_assert_eq(lua_tointeger(L, 500), 499);
  cr_assert(!lua_checkstack(L, LUAI_MAXSTACK));
  luaL_checkstack(L, 10, "never fails here");
}

static int checkstack_too_much(lua_State *L1) {
  luaL_checkstack(L1, LUAI_MAXSTACK + 1, "my message");
  return 0;
}

Test(stack, luaL_checkstack_error_message) {
  lua_pushcfunction(L, checkstack_too_much);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "stack overflow (my message)");
}

Test(stack, registry_holds_main_thread_and_globals) {
  cr_assert_eq(lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD), LUA_TTHREAD);
  cr_assert_eq(lua_tothread(L, -1), L);
  cr_assert_eq(lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_GLOBALS), LUA_TTABLE);
  lua_pushglobaltable(L);
  cr_assert(lua_rawequal(L, -1, -2));
  cr_assert_eq(lua_pushthread(L), 1);  /* main thread */
}

Test(stack, xmove_between_threads) {
  lua_State *co = lua_newthread(L);
  push_range(3);
  lua_xmove(L, co, 2);
  cr_assert_eq(lua_gettop(L), 2);  /* thread + 1 */
  cr_assert_eq(lua_gettop(co), 2);
  cr_assert_eq(lua_tointeger(co, 1), 2);
  cr_assert_eq(lua_tointeger(co, 2), 3);
  lua_xmove(co, L, 1);
  cr_assert_eq(lua_tointeger(L, -1), 3);
  cr_assert_eq(lua_pushthread(co), 0);  /* not the main thread */
  cr_assert_eq(lua_tothread(co, -1), co);
}

static int count_args(lua_State *L1) {
  /* a C function's stack starts at its first argument; index 0-based past top is none */
  lua_pushinteger(L1, lua_gettop(L1));
  lua_pushboolean(L1, lua_isnone(L1, lua_gettop(L1) + 1));
  return 2;
}

Test(stack, c_function_sees_only_its_arguments) {
  push_range(5);
  lua_pushcfunction(L, count_args);
  lua_pushinteger(L, 10);
  lua_pushinteger(L, 20);
  lua_call(L, 2, 2);
  cr_assert_eq(lua_tointeger(L, -2), 2);
  cr_assert(lua_toboolean(L, -1));
  cr_assert_eq(lua_gettop(L), 7);
}

static int light_no_upvalue(lua_State *L1) {
  lua_pushboolean(L1, lua_isnone(L1, lua_upvalueindex(1)));
  return 1;
}

Test(stack, missing_upvalue_is_none) {
  lua_pushcfunction(L, light_no_upvalue);
  lua_call(L, 0, 1);
  cr_assert(lua_toboolean(L, -1));
}

Test(stack, settop_closes_to_be_closed_slots) {
  run("log = {}");
  run("return setmetatable({}, {__close = function(o, e) table.insert(log, 'closed ' .. tostring(e)) end})");
  lua_toclose(L, -1);
  lua_pushinteger(L, 1);
  lua_settop(L, 0);
  run("return #log, log[1]");
  cr_assert_eq(lua_tointeger(L, -2), 1);
  cr_assert_str_eq(lua_tostring(L, -1), "closed nil");
}

Test(stack, closeslot_closes_and_sets_nil) {
  run("n = 0");
  run("return setmetatable({}, {__close = function() n = n + 1 end})");
  lua_toclose(L, 1);
  lua_pushinteger(L, 7);
  lua_closeslot(L, 1);
  cr_assert(lua_isnil(L, 1));
  cr_assert_eq(lua_gettop(L), 2);
  lua_getglobal(L, "n");
  cr_assert_eq(lua_tointeger(L, -1), 1);
  lua_settop(L, 0);  /* already closed: not closed twice */
  lua_getglobal(L, "n");
  cr_assert_eq(lua_tointeger(L, -1), 1);
}
