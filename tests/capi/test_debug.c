/* The debug interface (§4.7): lua_getstack/lua_getinfo for every option letter, locals
 * (lua_getlocal/lua_setlocal, including varargs and parameter names of a function value),
 * hooks (call, return, line, count) with lua_sethook/lua_gethook*. */
#include "capi_test.h"

TestSuite(debug, .init = capi_setup, .fini = capi_teardown);

static lua_Debug seen;
static int seen_ok;

static int inspect_caller(lua_State *L1) {
  seen_ok = lua_getstack(L1, 1, &seen) && lua_getinfo(L1, "nSltu", &seen);
  return 0;
}

Test(debug, getinfo_of_the_calling_lua_function) {
  lua_register(L, "inspect", inspect_caller);
  const char *src = "local function target(a, b, ...)\n"
                    "  inspect()\n"
                    "  return 1\n"
                    "end\n"
                    "target(1, 2)";
  luaL_loadbuffer(L, src, strlen(src), "@dbg.lua");
  lua_call(L, 0, 0);
  cr_assert(seen_ok);
  cr_assert_str_eq(seen.name, "target");
  cr_assert_str_eq(seen.namewhat, "local");
  cr_assert_str_eq(seen.what, "Lua");
  cr_assert_str_eq(seen.source, "@dbg.lua");
  cr_assert_str_eq(seen.short_src, "dbg.lua");
  cr_assert_eq(seen.currentline, 2);
  cr_assert_eq(seen.linedefined, 1);
  cr_assert_eq(seen.lastlinedefined, 4);
  cr_assert_eq(seen.nups, 1);  /* _ENV for the global 'inspect' */
  cr_assert_eq(seen.nparams, 2);
  cr_assert(seen.isvararg);
  cr_assert(!seen.istailcall);
}

Test(debug, getinfo_main_chunk_and_tail_calls) {
  lua_register(L, "inspect", inspect_caller);
  const char *src = "local function g() inspect() end\nreturn g()";
  luaL_loadbuffer(L, src, strlen(src), "=(tail)");
  lua_call(L, 0, 0);
  cr_assert(seen.istailcall);
  cr_assert_null(seen.name);
  cr_assert_str_eq(seen.namewhat, "");
  cr_assert_str_eq(seen.short_src, "(tail)");
  seen_ok = 0;
  luaL_loadbuffer(L, "inspect()", 9, "=main");
  lua_call(L, 0, 0);
  cr_assert_str_eq(seen.what, "main");
  cr_assert_eq(seen.linedefined, 0);
}

Test(debug, getinfo_of_a_function_value) {
  lua_Debug ar;
  lua_pushcfunction(L, inspect_caller);
  cr_assert(lua_getinfo(L, ">Su", &ar));
  cr_assert_str_eq(ar.what, "C");
  cr_assert_str_eq(ar.source, "=[C]");
  cr_assert_str_eq(ar.short_src, "[C]");
  cr_assert_eq(ar.linedefined, -1);
  cr_assert_eq(ar.nparams, 0);
  cr_assert(ar.isvararg);
  cr_assert_eq(lua_gettop(L), 0);  /* '>' pops the function */
  const char *src = "return function(x)\n  local y = x\n\n  return y\nend";
  luaL_loadbuffer(L, src, strlen(src), "=fv");
  lua_call(L, 0, 1);
  lua_pushvalue(L, 1);
  cr_assert(lua_getinfo(L, ">Lf", &ar));
  cr_assert_eq(lua_gettop(L), 3);  /* 'f' pushed the function, 'L' the line table */
  cr_assert(lua_rawequal(L, 1, 2));
  int lines = 0;
  lua_pushnil(L);
  while (lua_next(L, 3)) {
    lines++;
    cr_assert(lua_toboolean(L, -1));
    lua_pop(L, 1);
  }
  cr_assert(lines >= 2);
  lua_pushinteger(L, 2);
  cr_assert_eq(lua_gettable(L, 3), LUA_TBOOLEAN);
  lua_pushinteger(L, 3);
  cr_assert_eq(lua_gettable(L, 3), LUA_TNIL);  /* blank line: no code */
}

Test(debug, getstack_beyond_the_stack) {
  lua_Debug ar;
  cr_assert_eq(lua_getstack(L, 0, &ar), 0);
  cr_assert_eq(lua_getstack(L, -1, &ar), 0);
}

static char locals[256];

static int list_locals(lua_State *L1) {
  lua_Debug ar;
  locals[0] = 0;
  lua_getstack(L1, 1, &ar);
  const char *name;
  for (int i = 1; (name = lua_getlocal(L1, &ar, i)) != NULL; i++) {
    strcat(locals, name);
    strcat(locals, "=");
    strcat(locals, luaL_tolstring(L1, -1, NULL));
    strcat(locals, " ");
    lua_pop(L1, 2);
  }
  for (int i = -1; (name = lua_getlocal(L1, &ar, i)) != NULL; i--) {
    strcat(locals, name);
    strcat(locals, "=");
    strcat(locals, luaL_tolstring(L1, -1, NULL));
    strcat(locals, " ");
    lua_pop(L1, 2);
  }
  /* change the first local */
  lua_pushinteger(L1, 99);
  cr_assert_str_eq(lua_setlocal(L1, &ar, 1), "a");
  return 0;
}

Test(debug, locals_varargs_and_setlocal) {
  lua_register(L, "locals", list_locals);
  run("local function f(a, ...)\n"
      "  local b = 'bee'\n"
      "  do local hidden = 1 end\n"
      "  locals()\n"
      "  return a\n"
      "end\n"
      "return f(1, 'v1', 'v2')");
  cr_assert_str_eq(locals, "a=1 b=bee (vararg)=v1 (vararg)=v2 ");
  cr_assert_eq(lua_tointeger(L, -1), 99);
}

Test(debug, temporaries_show_as_c_temporary_in_c_frames) {
  lua_Debug ar;
  lua_register(L, "probe", list_locals);
  run("function probe2() local ar = {} end");
  /* parameter names of a function value: lua_getlocal with ar == NULL */
  run("return function(p, q, ...) local r end");
  cr_assert_str_eq(lua_getlocal(L, NULL, 1), "p");
  cr_assert_str_eq(lua_getlocal(L, NULL, 2), "q");
  cr_assert_null(lua_getlocal(L, NULL, 3));
  cr_assert_eq(lua_gettop(L), 1);  /* nothing pushed */
  (void)ar;
}

static char hook_log[512];

static void log_hook(lua_State *L1, lua_Debug *ar) {
  char buf[64];
  lua_getinfo(L1, "nSl", ar);
  switch (ar->event) {
  case LUA_HOOKCALL: snprintf(buf, sizeof buf, "call %s|", ar->name ? ar->name : "?"); break;
  case LUA_HOOKTAILCALL: snprintf(buf, sizeof buf, "tail %s|", ar->name ? ar->name : "?"); break;
  case LUA_HOOKRET: snprintf(buf, sizeof buf, "ret %s|", ar->what); break;
  case LUA_HOOKLINE: snprintf(buf, sizeof buf, "line %d|", ar->currentline); break;
  default: snprintf(buf, sizeof buf, "count|"); break;
  }
  if (strlen(hook_log) + strlen(buf) < sizeof hook_log)
    strcat(hook_log, buf);
}

Test(debug, call_return_and_line_hooks) {
  const char *src = "local function f(x)\n"
                    "  return x\n"
                    "end\n"
                    "local y = f(1)\n"
                    "return f(y)";
  luaL_loadbuffer(L, src, strlen(src), "=hk");
  hook_log[0] = 0;
  lua_sethook(L, log_hook, LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE, 0);
  cr_assert_eq(lua_gethook(L), log_hook);
  cr_assert_eq(lua_gethookmask(L), LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE);
  lua_call(L, 0, 0);
  lua_sethook(L, NULL, 0, 0);
  cr_assert_str_eq(hook_log,
                   "call ?|line 3|line 4|call f|line 2|ret Lua|line 5|tail ?|line 2|ret Lua|");
  cr_assert_null(lua_gethook(L));
  cr_assert_eq(lua_gethookmask(L), 0);
}

static int count_events;
static void count_hook(lua_State *L1, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCOUNT)
    count_events++;
}

Test(debug, count_hook_fires_every_n_instructions) {
  luaL_loadstring(L, "local s = 0 for i = 1, 1000 do s = s + i end return s");
  count_events = 0;
  lua_sethook(L, count_hook, LUA_MASKCOUNT, 100);
  cr_assert_eq(lua_gethookcount(L), 100);
  lua_call(L, 0, 1);
  lua_sethook(L, NULL, 0, 0);
  cr_assert_eq(lua_tointeger(L, -1), 500500);
  cr_assert(count_events >= 20 && count_events <= 40, "count events: %d", count_events);
}

static void error_hook(lua_State *L1, lua_Debug *ar) {
  luaL_error(L1, "stopped by hook");
}

Test(debug, hooks_can_raise_errors) {
  /* a hook runs in its Lua function's frame: level 1 (luaL_error's position) is the
   * host, so the message has no position */
  luaL_loadstring(L, "while true do end");
  lua_sethook(L, error_hook, LUA_MASKCOUNT, 1000);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "stopped by hook");
}

static void yield_hook(lua_State *L1, lua_Debug *ar) {
  if (ar->event == LUA_HOOKLINE)
    lua_yield(L1, 0);
}

Test(debug, line_hook_can_yield_a_coroutine) {
  lua_State *co = lua_newthread(L);
  luaL_loadstring(co, "x = 1\nx = 2\nx = 3");
  lua_sethook(co, yield_hook, LUA_MASKLINE, 0);
  int nres, yields = 0;
  while (lua_resume(co, L, 0, &nres) == LUA_YIELD)
    yields++;
  cr_assert_eq(yields, 3);
  lua_getglobal(L, "x");
  cr_assert_eq(lua_tointeger(L, -1), 3);
}

Test(debug, getinfo_names_global_and_method_and_field_calls) {
  lua_register(L, "inspect", inspect_caller);
  run("obj = {}\n"
      "function obj:meth() inspect() end\n"
      "function obj.fld() inspect() end\n"
      "function glob() inspect() end\n");
  run("obj:meth()");
  cr_assert_str_eq(seen.namewhat, "method");
  cr_assert_str_eq(seen.name, "meth");
  run("obj.fld()");
  cr_assert_str_eq(seen.namewhat, "field");
  cr_assert_str_eq(seen.name, "fld");
  run("glob()");
  cr_assert_str_eq(seen.namewhat, "global");
  cr_assert_str_eq(seen.name, "glob");
  run("local t = setmetatable({}, {__index = function() inspect() end}) local _ = t.x");
  cr_assert_str_eq(seen.namewhat, "metamethod");
  cr_assert_str_eq(seen.name, "index");
}

Test(debug, lua_Debug_layout_matches_lua54) {
  cr_assert_eq(sizeof(lua_Debug) >= 128, 1);
  cr_assert_eq(LUA_IDSIZE, 60);
  cr_assert_eq(LUA_MASKCALL, 1 << LUA_HOOKCALL);
  cr_assert_eq(LUA_MASKRET, 1 << LUA_HOOKRET);
  cr_assert_eq(LUA_MASKLINE, 1 << LUA_HOOKLINE);
  cr_assert_eq(LUA_MASKCOUNT, 1 << LUA_HOOKCOUNT);
  cr_assert_eq(LUA_HOOKTAILCALL, 4);
}
