/* Full and light userdata: allocation and alignment, metatables by registry name
 * (luaL_newmetatable/setmetatable/checkudata/testudata), user values (lua_newuserdatauv,
 * lua_getiuservalue/lua_setiuservalue), methods through __index, and __gc at close. */
#include <stdint.h>

#include "capi_test.h"

TestSuite(userdata, .init = capi_setup, .fini = capi_teardown);

typedef struct { double x, y; } Point;

static int point_new(lua_State *L1) {
  Point *p = lua_newuserdatauv(L1, sizeof(Point), 1);
  p->x = luaL_checknumber(L1, 1);
  p->y = luaL_checknumber(L1, 2);
  luaL_setmetatable(L1, "Point");
  return 1;
}
static int point_len2(lua_State *L1) {
  Point *p = luaL_checkudata(L1, 1, "Point");
  lua_pushnumber(L1, p->x * p->x + p->y * p->y);
  return 1;
}
static int point_tostring(lua_State *L1) {
  Point *p = luaL_checkudata(L1, 1, "Point");
  lua_pushfstring(L1, "Point(%f, %f)", p->x, p->y);
  return 1;
}
static int point_add(lua_State *L1) {
  Point *a = luaL_checkudata(L1, 1, "Point"), *b = luaL_checkudata(L1, 2, "Point");
  lua_pushnumber(L1, a->x + b->x);
  lua_pushnumber(L1, a->y + b->y);
  lua_replace(L1, 2);
  lua_replace(L1, 1);
  return point_new(L1);
}

static void register_point(void) {
  static const luaL_Reg meta[] = {{"__tostring", point_tostring}, {"__add", point_add},
                                  {"__index", NULL}, {NULL, NULL}};
  static const luaL_Reg methods[] = {{"len2", point_len2}, {NULL, NULL}};
  luaL_newmetatable(L, "Point");
  luaL_setfuncs(L, meta, 0);
  luaL_newlib(L, methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_register(L, "Point", point_new);
}

Test(userdata, a_userdata_type_with_methods_and_operators) {
  register_point();
  run("local p = Point(3, 4) + Point(1, 1)\n"
      "return p:len2(), tostring(p)");
  cr_assert_float_eq(lua_tonumber(L, 1), 41.0, 0);
  cr_assert_str_eq(lua_tostring(L, 2), "Point(4.0, 5.0)");
}

Test(userdata, checkudata_errors_name_the_type) {
  register_point();
  /* called through pcall: the name is unknown */
  run("return select(2, pcall(Point(1, 2).len2, {}))");
  cr_assert_str_eq(lua_tostring(L, -1), "bad argument #1 to '?' (Point expected, got table)");
  run("return select(2, pcall(Point(1, 2).len2, io.stdout))");
  cr_assert_str_eq(lua_tostring(L, -1), "bad argument #1 to '?' (Point expected, got FILE*)");
}

Test(userdata, testudata_returns_null_on_mismatch) {
  luaL_newmetatable(L, "A");
  luaL_newmetatable(L, "B");
  lua_settop(L, 0);
  lua_newuserdatauv(L, 1, 0);
  cr_assert_null(luaL_testudata(L, 1, "A"));  /* no metatable */
  luaL_setmetatable(L, "A");
  cr_assert_not_null(luaL_testudata(L, 1, "A"));
  cr_assert_null(luaL_testudata(L, 1, "B"));
  lua_pushinteger(L, 1);
  cr_assert_null(luaL_testudata(L, 2, "A"));
  lua_pushlightuserdata(L, L);
  cr_assert_null(luaL_testudata(L, 3, "A"));
  cr_assert_eq(lua_gettop(L), 3);
}

Test(userdata, blocks_are_aligned_and_writable) {
  for (size_t size = 0; size < 80; size += 7) {
    unsigned char *p = lua_newuserdatauv(L, size, 0);
    cr_assert_eq((uintptr_t)p % 8, 0);
    memset(p, 0xAB, size);
    cr_assert_eq(lua_rawlen(L, -1), size);
  }
  void *big = lua_newuserdata(L, 1 << 20);
  memset(big, 1, 1 << 20);
  cr_assert_eq(lua_rawlen(L, -1), (size_t)1 << 20);
}

Test(userdata, user_values) {
  lua_newuserdatauv(L, 8, 3);
  cr_assert_eq(lua_getiuservalue(L, 1, 1), LUA_TNIL);  /* initially nil */
  lua_pop(L, 1);
  lua_pushstring(L, "one");
  cr_assert_eq(lua_setiuservalue(L, 1, 1), 1);
  lua_newtable(L);
  cr_assert_eq(lua_setiuservalue(L, 1, 3), 1);
  lua_pushinteger(L, 9);
  cr_assert_eq(lua_setiuservalue(L, 1, 4), 0);  /* no such value: popped, returns 0 */
  cr_assert_eq(lua_gettop(L), 1);
  cr_assert_eq(lua_getiuservalue(L, 1, 1), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "one");
  cr_assert_eq(lua_getiuservalue(L, 1, 3), LUA_TTABLE);
  cr_assert_eq(lua_getiuservalue(L, 1, 4), LUA_TNONE);  /* pushes nil, returns LUA_TNONE */
  cr_assert(lua_isnil(L, -1));
  cr_assert_eq(lua_getiuservalue(L, 1, 0), LUA_TNONE);
  cr_assert_eq(lua_gettop(L), 5);
}

Test(userdata, compatibility_macros_use_first_user_value) {
  lua_newuserdata(L, 4);
  lua_pushstring(L, "uv");
  lua_setuservalue(L, 1);
  cr_assert_eq(lua_getuservalue(L, 1), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "uv");
}

Test(userdata, zero_user_values) {
  lua_newuserdatauv(L, 8, 0);
  cr_assert_eq(lua_getiuservalue(L, 1, 1), LUA_TNONE);
  lua_pop(L, 1);
  lua_pushnil(L);
  cr_assert_eq(lua_setiuservalue(L, 1, 1), 0);
}

Test(userdata, user_values_keep_objects_alive) {
  lua_newuserdatauv(L, 8, 1);
  lua_newtable(L);
  lua_pushstring(L, "kept");
  lua_setfield(L, -2, "v");
  lua_setiuservalue(L, 1, 1);
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  lua_getiuservalue(L, 1, 1);
  lua_getfield(L, -1, "v");
  cr_assert_str_eq(lua_tostring(L, -1), "kept");
}

Test(userdata, light_userdata_equality_and_keys) {
  int a, b;
  lua_pushlightuserdata(L, &a);
  lua_pushlightuserdata(L, &a);
  lua_pushlightuserdata(L, &b);
  cr_assert(lua_rawequal(L, 1, 2));
  cr_assert(!lua_rawequal(L, 1, 3));
  cr_assert_eq(lua_getmetatable(L, 1), 0);
  lua_newtable(L);
  lua_pushvalue(L, 1);
  lua_pushstring(L, "val");
  lua_settable(L, -3);
  lua_pushvalue(L, 2);
  cr_assert_eq(lua_gettable(L, -2), LUA_TSTRING);
}

static int gc_count;
static int count_gc(lua_State *L1) {
  gc_count++;
  return 0;
}

Test(userdata, gc_metamethods_run_at_close) {
  gc_count = 0;
  lua_newtable(L);
  lua_pushcfunction(L, count_gc);
  lua_setfield(L, -2, "__gc");
  for (int i = 0; i < 5; i++) {
    lua_newuserdatauv(L, 4, 0);
    lua_pushvalue(L, 1);
    lua_setmetatable(L, -2);
  }
  lua_close(L);
  L = NULL;
  cr_assert_eq(gc_count, 5);
}

Test(userdata, unreachable_userdata_are_finalized_by_a_full_collection) {
  gc_count = 0;
  lua_newtable(L);
  lua_pushcfunction(L, count_gc);
  lua_setfield(L, -2, "__gc");
  for (int i = 0; i < 3; i++) {
    lua_newuserdatauv(L, 4, 0);
    lua_pushvalue(L, 1);
    lua_setmetatable(L, -2);
    lua_pop(L, 1);
  }
  lua_gc(L, LUA_GCCOLLECT);
  lua_gc(L, LUA_GCCOLLECT);
  cr_assert_eq(gc_count, 3);
}
