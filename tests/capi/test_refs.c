/* References (§5.1 luaL_ref/luaL_unref): unique integer keys into any table, nil giving
 * LUA_REFNIL, free-list reuse, LUA_NOREF, and references keeping values alive. */
#include "capi_test.h"

TestSuite(refs, .init = capi_setup, .fini = capi_teardown);

Test(refs, ref_and_get_back) {
  int refs[10];
  for (int i = 0; i < 10; i++) {
    lua_pushinteger(L, i * 11);
    refs[i] = luaL_ref(L, LUA_REGISTRYINDEX);
    cr_assert(refs[i] > 0);
    for (int j = 0; j < i; j++)
      cr_assert_neq(refs[i], refs[j]);
  }
  cr_assert_eq(lua_gettop(L), 0);
  for (int i = 0; i < 10; i++) {
    cr_assert_eq(lua_rawgeti(L, LUA_REGISTRYINDEX, refs[i]), LUA_TNUMBER);
    cr_assert_eq(lua_tointeger(L, -1), i * 11);
    lua_pop(L, 1);
  }
}

Test(refs, constants) {
  cr_assert_eq(LUA_NOREF, -2);
  cr_assert_eq(LUA_REFNIL, -1);
}

Test(refs, nil_gives_refnil_and_unref_of_special_refs_is_harmless) {
  lua_pushnil(L);
  cr_assert_eq(luaL_ref(L, LUA_REGISTRYINDEX), LUA_REFNIL);
  cr_assert_eq(lua_gettop(L), 0);
  luaL_unref(L, LUA_REGISTRYINDEX, LUA_REFNIL);
  luaL_unref(L, LUA_REGISTRYINDEX, LUA_NOREF);
  cr_assert_eq(lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_REFNIL), LUA_TNIL);
}

Test(refs, freed_references_are_reused_last_in_first_out) {
  lua_pushstring(L, "a");
  int a = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushstring(L, "b");
  int b = luaL_ref(L, LUA_REGISTRYINDEX);
  luaL_unref(L, LUA_REGISTRYINDEX, a);
  luaL_unref(L, LUA_REGISTRYINDEX, b);
  lua_pushstring(L, "c");
  cr_assert_eq(luaL_ref(L, LUA_REGISTRYINDEX), b);
  lua_pushstring(L, "d");
  cr_assert_eq(luaL_ref(L, LUA_REGISTRYINDEX), a);
  lua_pushstring(L, "e");
  int e = luaL_ref(L, LUA_REGISTRYINDEX);
  cr_assert(e != a && e != b);
}

Test(refs, refs_in_a_user_table) {
  lua_newtable(L);
  lua_pushstring(L, "first");
  int r1 = luaL_ref(L, 1);
  lua_pushstring(L, "second");
  int r2 = luaL_ref(L, 1);
  /* lua5.4.4 keeps the free list at index LUA_RIDX_LAST + 1 (3) of the table itself */
  cr_assert_eq(r1, 1);
  cr_assert_eq(r2, 2);
  cr_assert_eq(lua_rawgeti(L, 1, 3), LUA_TNUMBER);
  lua_pop(L, 1);
  luaL_unref(L, 1, r1);
  lua_pushstring(L, "third");
  cr_assert_eq(luaL_ref(L, 1), r1);
}

Test(refs, references_keep_values_alive) {
  lua_newtable(L);
  lua_pushstring(L, "payload");
  lua_setfield(L, -2, "p");
  int r = luaL_ref(L, LUA_REGISTRYINDEX);
  for (int i = 0; i < 200; i++)
    lua_newtable(L), lua_pop(L, 1);
  lua_gc(L, LUA_GCCOLLECT);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r);
  lua_getfield(L, -1, "p");
  cr_assert_str_eq(lua_tostring(L, -1), "payload");
  luaL_unref(L, LUA_REGISTRYINDEX, r);
}
