/* Tables from C: creation, typed get/set (with and without metamethods), raw access,
 * lua_next traversal, metatables, globals and luaL table helpers (§4.6, §5.1). */
#include "capi_test.h"

TestSuite(tables, .init = capi_setup, .fini = capi_teardown);

Test(tables, set_and_get_by_every_key_kind) {
  lua_createtable(L, 4, 4);
  lua_pushstring(L, "v1");
  lua_setfield(L, 1, "k");
  lua_pushstring(L, "v2");
  lua_seti(L, 1, 3);
  lua_pushnumber(L, 2.5);
  lua_pushstring(L, "v3");
  lua_settable(L, 1);
  cr_assert_eq(lua_getfield(L, 1, "k"), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "v1");
  cr_assert_eq(lua_geti(L, 1, 3), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "v2");
  lua_pushnumber(L, 3.0);  /* float key with integer value: same key as 3 */
  cr_assert_eq(lua_gettable(L, 1), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "v2");
  lua_pushnumber(L, 2.5);
  cr_assert_eq(lua_gettable(L, 1), LUA_TSTRING);
  cr_assert_eq(lua_geti(L, 1, 99), LUA_TNIL);
  cr_assert_eq(lua_getfield(L, 1, "missing"), LUA_TNIL);
}

Test(tables, gettable_pops_key_and_settable_pops_both) {
  lua_newtable(L);
  lua_pushstring(L, "a");
  lua_pushinteger(L, 1);
  lua_settable(L, -3);
  cr_assert_eq(lua_gettop(L), 1);
  lua_pushstring(L, "a");
  lua_gettable(L, -2);
  cr_assert_eq(lua_gettop(L), 2);
  cr_assert_eq(lua_tointeger(L, -1), 1);
}

Test(tables, metamethods_apply_to_non_raw_access) {
  run("log = {}\n"
      "return setmetatable({}, {\n"
      "  __index = function(t, k) return 'idx:' .. tostring(k) end,\n"
      "  __newindex = function(t, k, v) log[#log + 1] = k .. '=' .. v end})");
  cr_assert_eq(lua_getfield(L, 1, "x"), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "idx:x");
  cr_assert_eq(lua_geti(L, 1, 7), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "idx:7");
  lua_pushstring(L, "val");
  lua_setfield(L, 1, "y");
  cr_assert_eq(lua_rawgetp(L, 1, L), LUA_TNIL);
  lua_pushstring(L, "raw");
  lua_rawseti(L, 1, 1);
  lua_pushstring(L, "y");
  cr_assert_eq(lua_rawget(L, 1), LUA_TNIL);  /* __newindex took it */
  cr_assert_eq(lua_rawgeti(L, 1, 1), LUA_TSTRING);
  run("return log[1], #log");
  cr_assert_str_eq(lua_tostring(L, -2), "y=val");
  cr_assert_eq(lua_tointeger(L, -1), 1);
}

Test(tables, index_on_non_table_values) {
  lua_pushstring(L, "abc");
  cr_assert_eq(lua_getfield(L, -1, "upper"), LUA_TFUNCTION);  /* string metatable */
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "ABC");
}

static int index_nil(lua_State *L1) {
  lua_pushnil(L1);
  lua_getfield(L1, -1, "field");
  return 0;
}

static int newindex_number(lua_State *L1) {
  lua_pushinteger(L1, 4);
  lua_pushinteger(L1, 5);
  lua_seti(L1, -2, 1);
  return 0;
}

Test(tables, indexing_a_non_indexable_value_raises) {
  lua_pushcfunction(L, index_nil);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to index a nil value");
  lua_pushcfunction(L, newindex_number);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to index a number value");
}

Test(tables, raw_pointer_keys) {
  static int key_a, key_b;
  lua_newtable(L);
  lua_pushstring(L, "A");
  lua_rawsetp(L, 1, &key_a);
  lua_pushstring(L, "B");
  lua_rawsetp(L, 1, &key_b);
  cr_assert_eq(lua_rawgetp(L, 1, &key_a), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "A");
  lua_pushlightuserdata(L, &key_b);
  cr_assert_eq(lua_rawget(L, 1), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "B");
}

Test(tables, next_visits_every_pair_once) {
  run("return {10, 20, 30, x = 1, y = 2, [2.5] = 3, [true] = 4}");
  int count = 0;
  lua_Integer sum = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    count++;
    sum += lua_tointeger(L, -1);
    cr_assert_eq(lua_gettop(L), 3);
    lua_pop(L, 1);
  }
  cr_assert_eq(count, 7);
  cr_assert_eq(sum, 70);
  cr_assert_eq(lua_gettop(L), 1);
}

Test(tables, next_allows_clearing_fields_during_traversal) {
  run("local t = {} for i = 1, 50 do t['k' .. i] = i end return t");
  lua_pushnil(L);
  int count = 0;
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushnil(L);
    lua_rawset(L, 1);  /* assigning nil to an existing field is allowed */
    count++;
  }
  cr_assert_eq(count, 50);
  lua_pushnil(L);
  cr_assert_eq(lua_next(L, 1), 0);
}

static int next_bad_key(lua_State *L1) {
  lua_newtable(L1);
  lua_pushstring(L1, "nope");
  lua_next(L1, 1);
  return 0;
}

Test(tables, next_with_an_absent_key_raises) {
  lua_pushcfunction(L, next_bad_key);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "invalid key to 'next'");
}

Test(tables, metatables_get_and_set) {
  lua_newtable(L);
  cr_assert_eq(lua_getmetatable(L, 1), 0);
  cr_assert_eq(lua_gettop(L), 1);
  lua_newtable(L);
  lua_pushstring(L, "mt");
  lua_setfield(L, -2, "__name");
  lua_setmetatable(L, 1);
  cr_assert_eq(lua_getmetatable(L, 1), 1);
  cr_assert_eq(lua_getfield(L, -1, "__name"), LUA_TSTRING);
  lua_settop(L, 1);
  lua_pushnil(L);
  lua_setmetatable(L, 1);
  cr_assert_eq(lua_getmetatable(L, 1), 0);
  lua_pushinteger(L, 1);
  cr_assert_eq(lua_getmetatable(L, -1), 0);
  lua_pushstring(L, "s");
  cr_assert_eq(lua_getmetatable(L, -1), 1);  /* the string library's */
}

Test(tables, newmetatable_registers_once) {
  cr_assert_eq(luaL_newmetatable(L, "Point"), 1);
  cr_assert_eq(lua_getfield(L, -1, "__name"), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "Point");
  lua_pop(L, 1);
  cr_assert_eq(luaL_newmetatable(L, "Point"), 0);
  cr_assert(lua_rawequal(L, 1, 2));
  cr_assert_eq(luaL_getmetatable(L, "Point"), LUA_TTABLE);
  cr_assert_eq(lua_getfield(L, LUA_REGISTRYINDEX, "Point"), LUA_TTABLE);
  cr_assert_eq(luaL_getmetatable(L, "Nope"), LUA_TNIL);
}

Test(tables, getmetafield_and_callmeta) {
  run("return setmetatable({}, {kind = 'K', __tostring = function(o) return 'str!' end})");
  cr_assert_eq(luaL_getmetafield(L, 1, "kind"), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "K");
  lua_pop(L, 1);
  cr_assert_eq(luaL_getmetafield(L, 1, "absent"), LUA_TNIL);
  cr_assert_eq(lua_gettop(L), 1);  /* nothing pushed */
  cr_assert(luaL_callmeta(L, 1, "__tostring"));
  cr_assert_str_eq(lua_tostring(L, -1), "str!");
  cr_assert(!luaL_callmeta(L, 1, "__call"));
  lua_pushinteger(L, 3);
  cr_assert_eq(luaL_getmetafield(L, -1, "x"), LUA_TNIL);
}

Test(tables, getsubtable_creates_once) {
  lua_newtable(L);
  cr_assert_eq(luaL_getsubtable(L, 1, "sub"), 0);
  lua_pushinteger(L, 5);
  lua_setfield(L, -2, "n");
  lua_pop(L, 1);
  cr_assert_eq(luaL_getsubtable(L, 1, "sub"), 1);
  cr_assert_eq(lua_getfield(L, -1, "n"), LUA_TNUMBER);
}

static int f_one(lua_State *L1) {
  lua_pushinteger(L1, 1 + lua_tointeger(L1, lua_upvalueindex(1)));
  return 1;
}
static int f_two(lua_State *L1) {
  lua_pushinteger(L1, 2 + lua_tointeger(L1, lua_upvalueindex(1)));
  return 1;
}

Test(tables, setfuncs_with_shared_upvalues_and_placeholders) {
  static const luaL_Reg funcs[] = {{"one", f_one}, {"two", f_two}, {"slot", NULL}, {NULL, NULL}};
  lua_newtable(L);
  lua_pushinteger(L, 100);
  luaL_setfuncs(L, funcs, 1);
  cr_assert_eq(lua_gettop(L), 1);
  cr_assert_eq(lua_getfield(L, 1, "slot"), LUA_TBOOLEAN);  /* placeholder is false */
  cr_assert(!lua_toboolean(L, -1));
  lua_setglobal(L, "unused");
  lua_setglobal(L, "lib");
  run("return lib.one() + lib.two()");
  cr_assert_eq(lua_tointeger(L, -1), 203);
}

static const luaL_Reg mylib[] = {{"one", f_one}, {"two", f_two}, {NULL, NULL}};
static int open_mylib(lua_State *L1) {
  luaL_newlib(L1, mylib);
  lua_pushstring(L1, lua_tostring(L1, 1));
  lua_setfield(L1, -2, "modname");
  return 1;
}

Test(tables, requiref_loads_and_registers) {
  luaL_requiref(L, "mylib", open_mylib, 1);
  cr_assert(lua_istable(L, -1));
  run("return mylib.modname, package.loaded.mylib == mylib, require('mylib') == mylib");
  cr_assert_str_eq(lua_tostring(L, -3), "mylib");
  cr_assert(lua_toboolean(L, -2));
  cr_assert(lua_toboolean(L, -1));
  lua_settop(L, 0);
  luaL_requiref(L, "hidden", open_mylib, 0);
  cr_assert_eq(lua_getglobal(L, "hidden"), LUA_TNIL);
}

Test(tables, luaL_newlibtable_presizes) {
  luaL_newlibtable(L, mylib);
  cr_assert(lua_istable(L, -1));
  cr_assert_eq(lua_rawlen(L, -1), 0);
}

Test(tables, createtable_accepts_sizes) {
  lua_createtable(L, 100, 0);
  for (int i = 1; i <= 100; i++) {
    lua_pushinteger(L, i * i);
    lua_rawseti(L, 1, i);
  }
  cr_assert_eq(lua_rawlen(L, 1), 100);
  lua_rawgeti(L, 1, 10);
  cr_assert_eq(lua_tointeger(L, -1), 100);
}

Test(tables, gsub_helper) {
  const char *s = luaL_gsub(L, "a.b.c", ".", "::");
  cr_assert_str_eq(s, "a::b::c");
  cr_assert_eq(lua_gettop(L), 1);
}
