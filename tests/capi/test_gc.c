/* Memory and state management (§4.6 lua_gc, lua_newstate, §5.1 luaL_newstate): collector
 * options and their return values, memory counts that follow allocation, finalizers,
 * weak tables, the allocator accessors, the per-state extra space, and several states
 * side by side. Cove allocates on the Boehm heap (spec/capi.md): the custom allocator is
 * stored and returned, so only what lua5.4 and Cove share is asserted about it. */
#include <stdlib.h>

#include "capi_test.h"

TestSuite(gc, .init = capi_setup, .fini = capi_teardown);

Test(gc, option_constants_are_lua54s) {
  cr_assert_eq(LUA_GCSTOP, 0);
  cr_assert_eq(LUA_GCRESTART, 1);
  cr_assert_eq(LUA_GCCOLLECT, 2);
  cr_assert_eq(LUA_GCCOUNT, 3);
  cr_assert_eq(LUA_GCCOUNTB, 4);
  cr_assert_eq(LUA_GCSTEP, 5);
  cr_assert_eq(LUA_GCSETPAUSE, 6);
  cr_assert_eq(LUA_GCSETSTEPMUL, 7);
  cr_assert_eq(LUA_GCISRUNNING, 9);
  cr_assert_eq(LUA_GCGEN, 10);
  cr_assert_eq(LUA_GCINC, 11);
}

Test(gc, stop_restart_and_isrunning) {
  cr_assert_eq(lua_gc(L, LUA_GCISRUNNING), 1);
  lua_gc(L, LUA_GCSTOP);
  cr_assert_eq(lua_gc(L, LUA_GCISRUNNING), 0);
  lua_gc(L, LUA_GCRESTART);
  cr_assert_eq(lua_gc(L, LUA_GCISRUNNING), 1);
}

Test(gc, mode_switches_return_the_previous_mode) {
  cr_assert_eq(lua_gc(L, LUA_GCGEN, 0, 0), LUA_GCINC);
  cr_assert_eq(lua_gc(L, LUA_GCGEN, 0, 0), LUA_GCGEN);
  cr_assert_eq(lua_gc(L, LUA_GCINC, 0, 0, 0), LUA_GCGEN);
  cr_assert_eq(lua_gc(L, LUA_GCINC, 0, 0, 0), LUA_GCINC);
}

Test(gc, count_grows_with_live_data) {
  lua_gc(L, LUA_GCCOLLECT);
  int before = lua_gc(L, LUA_GCCOUNT);
  cr_assert(before > 0);
  int bytes = lua_gc(L, LUA_GCCOUNTB);
  cr_assert(bytes >= 0 && bytes < 1024);
  lua_gc(L, LUA_GCSTOP);
  lua_createtable(L, 0, 0);
  for (int i = 1; i <= 20000; i++) {
    lua_pushfstring(L, "string number %d", i);
    lua_rawseti(L, -2, i);
  }
  int after = lua_gc(L, LUA_GCCOUNT);
  cr_assert(after > before + 200, "before %d KB, after %d KB", before, after);
  lua_gc(L, LUA_GCRESTART);
}

Test(gc, collection_frees_unreachable_data) {
  lua_gc(L, LUA_GCCOLLECT);
  int base = lua_gc(L, LUA_GCCOUNT);
  run("local t = {} for i = 1, 50000 do t[i] = {i} end");
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  int after = lua_gc(L, LUA_GCCOUNT);
  cr_assert(after < base + 1024, "base %d KB, after %d KB", base, after);
}

Test(gc, step_and_parameters_are_accepted) {
  lua_gc(L, LUA_GCSTEP, 0);
  lua_gc(L, LUA_GCSTEP, 100);
  int old_pause = lua_gc(L, LUA_GCSETPAUSE, 160);  /* lua5.4 stores it /4: use multiples of 4 */
  cr_assert(old_pause > 0);
  cr_assert_eq(lua_gc(L, LUA_GCSETPAUSE, old_pause), 160);
  int old_mul = lua_gc(L, LUA_GCSETSTEPMUL, 200);
  cr_assert(old_mul > 0);
  cr_assert_eq(lua_gc(L, LUA_GCSETSTEPMUL, old_mul), 200);
}

Test(gc, weak_values_are_cleared) {
  run("weak = setmetatable({}, {__mode = 'v'})\n"
      "weak[1] = {} weak[2] = 'strings stay' strong = {} weak[3] = strong");
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  run("return weak[1] == nil, weak[2], weak[3] == strong");
  cr_assert(lua_toboolean(L, 1));
  cr_assert_str_eq(lua_tostring(L, 2), "strings stay");
  cr_assert(lua_toboolean(L, 3));
}

Test(gc, finalizers_run_in_reverse_order_at_close) {
  run("order = {}");
  lua_getglobal(L, "order");
  int order_ref = luaL_ref(L, LUA_REGISTRYINDEX);
  run("for i = 1, 3 do setmetatable({}, {__gc = function() order[#order + 1] = i end}) end");
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  run("return table.concat(order, ',')");
  cr_assert_str_eq(lua_tostring(L, -1), "3,2,1");
  (void)order_ref;
}

static int alloc_calls;
static void *counting_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  alloc_calls++;
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

Test(gc, newstate_with_an_allocator) {
  int ud;
  lua_State *L2 = lua_newstate(counting_alloc, &ud);
  cr_assert_not_null(L2);
  void *got_ud = NULL;
  cr_assert_eq(lua_getallocf(L2, &got_ud), counting_alloc);
  cr_assert_eq(got_ud, &ud);
  luaL_openlibs(L2);
  cr_assert_eq(luaL_dostring(L2, "return ('x'):rep(3)"), LUA_OK);
  cr_assert_str_eq(lua_tostring(L2, -1), "xxx");
  int ud2;
  lua_setallocf(L2, counting_alloc, &ud2);
  lua_getallocf(L2, &got_ud);
  cr_assert_eq(got_ud, &ud2);
  lua_close(L2);
}

Test(gc, extra_space_is_per_state_and_copied_to_new_threads) {
  cr_assert_eq(LUA_EXTRASPACE, sizeof(void *));
  void **slot = lua_getextraspace(L);
  *slot = (void *)&alloc_calls;
  lua_State *co = lua_newthread(L);
  void **co_slot = lua_getextraspace(co);
  cr_assert_neq(co_slot, slot);
  cr_assert_eq(*co_slot, (void *)&alloc_calls);
}

Test(gc, independent_states) {
  lua_State *other = luaL_newstate();
  luaL_openlibs(other);
  run("shared = 'first'");
  cr_assert_eq(luaL_dostring(other, "return shared"), LUA_OK);
  cr_assert(lua_isnil(other, -1));
  lua_close(other);
  run("return shared");
  cr_assert_str_eq(lua_tostring(L, -1), "first");
}

Test(gc, close_runs_pending_to_be_closed_and_finalizers) {
  lua_State *L2 = luaL_newstate();
  luaL_openlibs(L2);
  cr_assert_eq(luaL_dostring(L2, "X = setmetatable({}, {__gc = function() io.write('') end})"), LUA_OK);
  lua_close(L2);
}
