/* Coroutines driven from C: lua_newthread/lua_resume, yields from Lua and from C
 * (lua_yield, lua_yieldk continuations), lua_callk/lua_pcallk continuations across yields,
 * errors inside coroutines, lua_isyieldable, lua_status and lua_resetthread (§4.5, §4.6). */
#include "capi_test.h"

TestSuite(coroutines, .init = capi_setup, .fini = capi_teardown);

static lua_State *new_co(const char *code) {
  lua_State *co = lua_newthread(L);
  cr_assert_eq(luaL_loadstring(co, code), LUA_OK);
  return co;
}

Test(coroutines, resume_yield_values_both_ways) {
  lua_State *co = new_co("local a, b = ...\n"
                         "local c = coroutine.yield(a + b, 'two')\n"
                         "local d, e = coroutine.yield(c * 2)\n"
                         "return d, e, 'end'");
  int nres;
  lua_pushinteger(co, 1);
  lua_pushinteger(co, 2);
  cr_assert_eq(lua_resume(co, L, 2, &nres), LUA_YIELD);
  cr_assert_eq(nres, 2);
  cr_assert_eq(lua_status(co), LUA_YIELD);
  cr_assert_eq(lua_tointeger(co, -2), 3);
  cr_assert_str_eq(lua_tostring(co, -1), "two");
  lua_pop(co, nres);
  lua_pushinteger(co, 10);
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_YIELD);
  cr_assert_eq(nres, 1);
  cr_assert_eq(lua_tointeger(co, -1), 20);
  lua_pop(co, nres);
  lua_pushstring(co, "x");
  lua_pushstring(co, "y");
  cr_assert_eq(lua_resume(co, L, 2, &nres), LUA_OK);
  cr_assert_eq(nres, 3);
  cr_assert_str_eq(lua_tostring(co, -3), "x");
  cr_assert_str_eq(lua_tostring(co, -1), "end");
  cr_assert_eq(lua_status(co), LUA_OK);
}

Test(coroutines, resume_a_dead_coroutine_fails) {
  lua_State *co = new_co("return 1");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_OK);
  lua_pop(co, nres);
  cr_assert_eq(lua_gettop(co), 0);
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(co, -1), "cannot resume dead coroutine");
}

Test(coroutines, error_inside_coroutine_leaves_it_dead_with_traceback) {
  lua_State *co = new_co("local function f() error('inside') end f()");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(co, -1), "[string \"local function f() error('inside') end f()\"]:1: inside");
  cr_assert_eq(lua_status(co), LUA_ERRRUN);
  /* the stack of a dead coroutine can still be inspected */
  lua_Debug ar;
  cr_assert(lua_getstack(co, 0, &ar));
  lua_getinfo(co, "Sn", &ar);
  cr_assert_str_eq(ar.what, "C");
  cr_assert_str_eq(ar.name, "error");
  cr_assert_eq(lua_resetthread(co), LUA_ERRRUN);  /* 5.4.4: returns the error status */
  cr_assert_eq(lua_status(co), LUA_OK);
}

static int yield_two(lua_State *L1) {
  lua_pushinteger(L1, 1);
  lua_pushinteger(L1, 2);
  return lua_yield(L1, 2);
}

Test(coroutines, c_function_yields_and_returns_resume_values) {
  lua_register(L, "yield_two", yield_two);
  lua_State *co = new_co("local r = {yield_two()} return #r, r[1], r[2]");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  cr_assert_eq(nres, 2);
  cr_assert_eq(lua_tointeger(co, -1), 2);
  lua_pop(co, nres);
  lua_pushstring(co, "a");
  lua_pushstring(co, "b");
  cr_assert_eq(lua_resume(co, L, 2, &nres), LUA_OK);
  /* without a continuation the C function "returns" the values passed to resume */
  cr_assert_eq(nres, 3);
  cr_assert_eq(lua_tointeger(co, -3), 2);
  cr_assert_str_eq(lua_tostring(co, -2), "a");
}

static int after_yield(lua_State *L1, int status, lua_KContext ctx) {
  cr_assert_eq(status, LUA_YIELD);
  lua_pushfstring(L1, "cont ctx=%d top=%d", (int)ctx, lua_gettop(L1));
  return 1;
}

static int yieldk_fn(lua_State *L1) {
  lua_pushstring(L1, "keep");     /* stays in the frame across the yield */
  lua_pushstring(L1, "yielded");
  return lua_yieldk(L1, 1, 42, after_yield);
}

Test(coroutines, yieldk_continuation_runs_on_resume) {
  lua_register(L, "yk", yieldk_fn);
  lua_State *co = new_co("local v = yk('arg') return v");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  cr_assert_eq(nres, 1);
  cr_assert_str_eq(lua_tostring(co, -1), "yielded");
  lua_pop(co, nres);
  lua_pushstring(co, "r1");
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_OK);
  cr_assert_eq(nres, 1);
  /* arg, keep, r1: the frame keeps what was below the yielded values, plus resume's values */
  cr_assert_str_eq(lua_tostring(co, -1), "cont ctx=42 top=3");
}

static int callk_cont(lua_State *L1, int status, lua_KContext ctx) {
  lua_pushfstring(L1, "status=%d ctx=%d n=%d", status, (int)ctx, lua_gettop(L1));
  return lua_gettop(L1);
}

static int callk_fn(lua_State *L1) {
  lua_pushvalue(L1, 1);
  lua_callk(L1, 0, 2, 7, callk_cont);
  return callk_cont(L1, LUA_OK, 7);
}

Test(coroutines, callk_continuation_after_a_yield_inside_the_call) {
  lua_register(L, "callk", callk_fn);
  lua_State *co = new_co("return callk(function() local x = coroutine.yield('in') return x, 'second' end)");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  cr_assert_str_eq(lua_tostring(co, -1), "in");
  lua_pop(co, nres);
  lua_pushstring(co, "resumed");
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_OK);
  cr_assert_eq(nres, 4);
  cr_assert_str_eq(lua_tostring(co, -3), "resumed");
  cr_assert_str_eq(lua_tostring(co, -2), "second");
  cr_assert_str_eq(lua_tostring(co, -1), "status=1 ctx=7 n=3");
}

static int pcallk_cont(lua_State *L1, int status, lua_KContext ctx) {
  lua_pushinteger(L1, status);
  lua_insert(L1, -2);
  return 2;  /* status, result or error */
}

static int pcallk_fn(lua_State *L1) {
  lua_pushvalue(L1, 1);
  return pcallk_cont(L1, lua_pcallk(L1, 0, 1, 0, 0, pcallk_cont), 0);
}

Test(coroutines, pcallk_catches_errors_after_a_yield) {
  lua_register(L, "pcallk", pcallk_fn);
  lua_State *co = new_co("return pcallk(function() coroutine.yield() error('late', 0) end)");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  lua_pop(co, nres);
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_OK);
  cr_assert_eq(nres, 2);
  cr_assert_eq(lua_tointeger(co, -2), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(co, -1), "late");
}

Test(coroutines, pcallk_without_error_after_a_yield) {
  lua_register(L, "pcallk", pcallk_fn);
  lua_State *co = new_co("return pcallk(function() return coroutine.yield() .. '!' end)");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  lua_pop(co, nres);
  lua_pushstring(co, "v");
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_OK);
  cr_assert_eq(lua_tointeger(co, -2), LUA_YIELD);  /* continuation status after a yield */
  cr_assert_str_eq(lua_tostring(co, -1), "v!");
}

static int plain_call(lua_State *L1) {
  lua_pushvalue(L1, 1);
  lua_call(L1, 0, 0);
  return 0;
}

Test(coroutines, yield_across_a_c_call_without_continuation_fails) {
  lua_register(L, "plain", plain_call);
  lua_State *co = new_co("plain(function() coroutine.yield() end)");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(co, -1), "attempt to yield across a C-call boundary");
}

static int is_yieldable(lua_State *L1) {
  lua_pushboolean(L1, lua_isyieldable(L1));
  return 1;
}

Test(coroutines, isyieldable) {
  cr_assert(!lua_isyieldable(L));
  lua_register(L, "isy", is_yieldable);
  run("return isy(), coroutine.wrap(function() return isy() end)()");
  cr_assert(!lua_toboolean(L, 1));
  cr_assert(lua_toboolean(L, 2));
}

Test(coroutines, yield_from_main_thread_fails) {
  const char *msg = run_fail("coroutine.yield()", LUA_ERRRUN);
  cr_assert_str_eq(msg, "attempt to yield from outside a coroutine");
}

Test(coroutines, resume_a_c_function_directly) {
  lua_State *co = lua_newthread(L);
  lua_pushcfunction(co, yield_two);
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  cr_assert_eq(nres, 2);
  lua_pop(co, 2);
  lua_pushstring(co, "done");
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_OK);
  cr_assert_eq(nres, 1);
  cr_assert_str_eq(lua_tostring(co, -1), "done");
}

Test(coroutines, resetthread_closes_pending_variables) {
  run("closed = false");
  lua_State *co = new_co("local x <close> = setmetatable({}, {__close = function() closed = true end})\n"
                         "coroutine.yield()");
  int nres;
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  cr_assert_eq(lua_resetthread(co), LUA_OK);
  lua_getglobal(L, "closed");
  cr_assert(lua_toboolean(L, -1));
  cr_assert_eq(lua_status(co), LUA_OK);
  cr_assert_eq(lua_gettop(co), 0);
}

Test(coroutines, coroutine_library_status_of_c_created_threads) {
  lua_State *co = new_co("coroutine.yield()");
  lua_setglobal(L, "co");
  int nres;
  run("return coroutine.status(co)");
  cr_assert_str_eq(lua_tostring(L, -1), "suspended");
  cr_assert_eq(lua_resume(co, L, 0, &nres), LUA_YIELD);
  run("return coroutine.status(co), coroutine.resume(co)");
  cr_assert_str_eq(lua_tostring(L, -2), "suspended");
  cr_assert(lua_toboolean(L, -1));
  run("return coroutine.status(co)");
  cr_assert_str_eq(lua_tostring(L, -1), "dead");
}

Test(coroutines, many_threads_stay_independent) {
  lua_State *cos[20];
  for (int i = 0; i < 20; i++) {
    cos[i] = new_co("local n = ... while true do n = n + 1 coroutine.yield(n) end");
    lua_pushinteger(cos[i], i * 100);
  }
  int nres;
  for (int round = 0; round < 3; round++)
    for (int i = 0; i < 20; i++) {
      cr_assert_eq(lua_resume(cos[i], L, round == 0 ? 1 : 0, &nres), LUA_YIELD);
      cr_assert_eq(lua_tointeger(cos[i], -1), i * 100 + round + 1);
      lua_pop(cos[i], nres);
    }
}
