/* Pushing C values and reading them back: lua_push*, lua_to*, lua_is*, type names,
 * number/string coercions, lua_pushfstring's formats, lua_concat and lua_len (§4.6). */
#include <math.h>
#include <stdint.h>

#include "capi_test.h"

TestSuite(pushto, .init = capi_setup, .fini = capi_teardown);

Test(pushto, types_of_pushed_values) {
  int dummy;
  lua_pushnil(L);
  lua_pushboolean(L, 5);
  lua_pushinteger(L, 7);
  lua_pushnumber(L, 1.5);
  lua_pushliteral(L, "lit");
  lua_pushlightuserdata(L, &dummy);
  lua_newtable(L);
  lua_pushcfunction(L, lua_gettop);
  lua_newuserdatauv(L, 4, 0);
  lua_pushthread(L);
  int want[] = {LUA_TNIL, LUA_TBOOLEAN, LUA_TNUMBER, LUA_TNUMBER, LUA_TSTRING,
                LUA_TLIGHTUSERDATA, LUA_TTABLE, LUA_TFUNCTION, LUA_TUSERDATA, LUA_TTHREAD};
  const char *names[] = {"nil", "boolean", "number", "number", "string", "userdata", "table",
                         "function", "userdata", "thread"};
  for (int i = 0; i < 10; i++) {
    cr_assert_eq(lua_type(L, i + 1), want[i], "slot %d", i + 1);
    cr_assert_str_eq(luaL_typename(L, i + 1), names[i]);
  }
  cr_assert_str_eq(lua_typename(L, LUA_TNONE), "no value");
  cr_assert(lua_iscfunction(L, 8));
  cr_assert(lua_isfunction(L, 8));
  cr_assert(lua_isuserdata(L, 6));
  cr_assert(lua_islightuserdata(L, 6));
  cr_assert(!lua_islightuserdata(L, 9));
  cr_assert(lua_isuserdata(L, 9));
  cr_assert(lua_isthread(L, 10));
  cr_assert(lua_istable(L, 7));
  cr_assert(lua_isboolean(L, 2));
  cr_assert(lua_toboolean(L, 2));
  cr_assert_eq(lua_touserdata(L, 6), &dummy);
  cr_assert_eq(lua_topointer(L, 6), &dummy);
  cr_assert_not_null(lua_topointer(L, 7));
  cr_assert_null(lua_topointer(L, 3));
}

Test(pushto, integers_and_floats_stay_distinct) {
  lua_pushinteger(L, LUA_MAXINTEGER);
  lua_pushnumber(L, 2.0);
  lua_pushnumber(L, 2.5);
  lua_pushstring(L, "10");
  lua_pushstring(L, " 0x1p4 ");
  lua_pushstring(L, "abc");
  cr_assert(lua_isinteger(L, 1));
  cr_assert(!lua_isinteger(L, 2));
  cr_assert(lua_isnumber(L, 4));
  cr_assert(!lua_isinteger(L, 4));  /* strings are not integers */
  cr_assert(lua_isstring(L, 1));    /* numbers are strings for lua_isstring */
  cr_assert(!lua_isnumber(L, 6));
  int ok;
  cr_assert_eq(lua_tointegerx(L, 1, &ok), LUA_MAXINTEGER);
  cr_assert(ok);
  cr_assert_eq(lua_tointegerx(L, 2, &ok), 2);
  cr_assert(ok);
  cr_assert_eq(lua_tointegerx(L, 3, &ok), 0);
  cr_assert(!ok);
  cr_assert_eq(lua_tointegerx(L, 4, &ok), 10);
  cr_assert(ok);
  cr_assert_float_eq(lua_tonumberx(L, 5, &ok), 16.0, 0);
  cr_assert(ok);
  cr_assert_eq(lua_tonumberx(L, 6, &ok), 0);
  cr_assert(!ok);
  cr_assert_float_eq(lua_tonumber(L, 1), 9223372036854775807.0, 0);
  lua_pushnumber(L, 1e100);
  lua_tointegerx(L, -1, &ok);
  cr_assert(!ok);
}

Test(pushto, tolstring_converts_numbers_in_place) {
  lua_pushinteger(L, -42);
  lua_pushnumber(L, 0.1);
  lua_pushnumber(L, 1e300 * 1e10);
  lua_pushnumber(L, -0.0);
  lua_pushnumber(L, 100.0);
  size_t len;
  cr_assert_str_eq(lua_tolstring(L, 1, &len), "-42");
  cr_assert_eq(len, 3);
  cr_assert_eq(lua_type(L, 1), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, 2), "0.1");
  cr_assert_str_eq(lua_tostring(L, 3), "inf");
  cr_assert_str_eq(lua_tostring(L, 4), "-0.0");
  cr_assert_str_eq(lua_tostring(L, 5), "100.0");
  lua_pushboolean(L, 1);
  cr_assert_null(lua_tostring(L, -1));
  lua_newtable(L);
  cr_assert_null(lua_tolstring(L, -1, &len));
}

Test(pushto, strings_with_embedded_zeros) {
  const char *s = lua_pushlstring(L, "a\0b\0c", 5);
  cr_assert_eq(memcmp(s, "a\0b\0c", 6), 0);  /* always zero-terminated */
  cr_assert_eq(lua_rawlen(L, -1), 5);
  lua_pushlstring(L, NULL, 0);
  cr_assert_str_eq(lua_tostring(L, -1), "");
  lua_pushstring(L, NULL);
  cr_assert(lua_isnil(L, -1));
  const char *internal = lua_pushstring(L, "copy");
  cr_assert_str_eq(internal, "copy");
}

Test(pushto, pushfstring_every_format) {
  int local;
  const char *s = lua_pushfstring(L, "[%s][%d][%I][%f][%c][%U][%%]", "str", -7,
                                  (lua_Integer)LUA_MININTEGER, 0.5, 'Z', (long)0x10FFFF);
  cr_assert_str_eq(s, "[str][-7][-9223372036854775808][0.5][Z][\xF4\x8F\xBF\xBF][%]");
  s = lua_pushfstring(L, "%f %f %f", 3.0, 1e15, 2.0 / 3);
  cr_assert_str_eq(s, "3.0 1e+15 0.66666666666667");
  s = lua_pushfstring(L, "%p", (void *)&local);
  cr_assert(strlen(s) > 2);
  s = lua_pushfstring(L, "%p", NULL);
  cr_assert_str_eq(s, "(nil)");  /* C's %p, as glibc prints it */
  cr_assert_eq(lua_gettop(L), 4);
}

static const char *vformat(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  const char *s = lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  return s;
}

Test(pushto, pushvfstring) {
  cr_assert_str_eq(vformat("%s=%d", "x", 3), "x=3");
}

Test(pushto, concat_uses_coercion_and_metamethods) {
  lua_pushstring(L, "a");
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 2.5);
  lua_concat(L, 3);
  cr_assert_str_eq(lua_tostring(L, -1), "a12.5");
  lua_concat(L, 0);
  cr_assert_str_eq(lua_tostring(L, -1), "");
  lua_pushinteger(L, 5);
  lua_concat(L, 1);  /* one value: left as is */
  cr_assert(lua_isinteger(L, -1));
  run("return setmetatable({}, {__concat = function(a, b) return 'meta' end})");
  lua_pushstring(L, "x");
  lua_concat(L, 2);
  cr_assert_str_eq(lua_tostring(L, -1), "meta");
}

Test(pushto, len_and_rawlen) {
  lua_pushstring(L, "hello");
  lua_len(L, -1);
  cr_assert_eq(lua_tointeger(L, -1), 5);
  run("return setmetatable({1, 2, 3}, {__len = function() return 42 end})");
  lua_len(L, -1);
  cr_assert_eq(lua_tointeger(L, -1), 42);
  cr_assert_eq(lua_rawlen(L, -2), 3);
  cr_assert_eq(luaL_len(L, -2), 42);  /* -2 is now the table; luaL_len calls __len */
  lua_pushinteger(L, 3);
  cr_assert_eq(lua_rawlen(L, -1), 0);
}

static int bad_len(lua_State *L1) {
  run("return setmetatable({}, {__len = function() return 'x' end})");
  luaL_len(L1, -1);
  return 0;
}

Test(pushto, luaL_len_requires_an_integer) {
  lua_pushcfunction(L, bad_len);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "object length is not an integer");
}

Test(pushto, stringtonumber_returns_size_plus_one) {
  cr_assert_eq(lua_stringtonumber(L, "0x1F"), 5);
  cr_assert(lua_isinteger(L, -1));
  cr_assert_eq(lua_tointeger(L, -1), 31);
  cr_assert_eq(lua_stringtonumber(L, "1e2"), 4);
  cr_assert(!lua_isinteger(L, -1));
  cr_assert_eq(lua_stringtonumber(L, "9223372036854775808"), 20);  /* overflows to float */
  cr_assert(!lua_isinteger(L, -1));
  cr_assert_eq(lua_stringtonumber(L, ""), 0);
  cr_assert_eq(lua_stringtonumber(L, "1 2"), 0);
  cr_assert_eq(lua_gettop(L), 3);
}

Test(pushto, tolstring_with_metamethods) {
  run("return setmetatable({}, {__tostring = function() return 'OBJ' end})");
  cr_assert_str_eq(luaL_tolstring(L, -1, NULL), "OBJ");
  lua_pop(L, 1);
  run("return setmetatable({}, {__name = 'MyType'})");
  const char *s = luaL_tolstring(L, -1, NULL);
  cr_assert_eq(strncmp(s, "MyType: ", 8), 0, "%s", s);
  lua_pushnil(L);
  cr_assert_str_eq(luaL_tolstring(L, -1, NULL), "nil");
  lua_pushboolean(L, 0);
  cr_assert_str_eq(luaL_tolstring(L, -1, NULL), "false");
  lua_pushnumber(L, 1e20);
  cr_assert_str_eq(luaL_tolstring(L, -1, NULL), "1e+20");
}

static int bad_tostring(lua_State *L1) {
  run("return setmetatable({}, {__tostring = function() return {} end})");
  luaL_tolstring(L1, -1, NULL);
  return 0;
}

Test(pushto, tostring_must_return_a_string) {
  lua_pushcfunction(L, bad_tostring);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "'__tostring' must return a string");
}

Test(pushto, rawequal_and_equality) {
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 1.0);
  lua_pushstring(L, "1");
  cr_assert(lua_rawequal(L, 1, 2));
  cr_assert(!lua_rawequal(L, 1, 3));
  cr_assert(!lua_rawequal(L, 1, 10));  /* invalid index: false */
  cr_assert(lua_compare(L, 1, 2, LUA_OPEQ));
  cr_assert(!lua_compare(L, 1, 3, LUA_OPEQ));
}

Test(pushto, global_push_and_get) {
  lua_pushinteger(L, 99);
  lua_setglobal(L, "g");
  cr_assert_eq(lua_getglobal(L, "g"), LUA_TNUMBER);
  cr_assert_eq(lua_tointeger(L, -1), 99);
  cr_assert_eq(lua_getglobal(L, "nonexistent"), LUA_TNIL);
  run("return g + 1");
  cr_assert_eq(lua_tointeger(L, -1), 100);
}

Test(pushto, version_number) {
  cr_assert_float_eq(lua_version(L), 504.0, 0);
  luaL_checkversion(L);
}

Test(pushto, userdata_pointers) {
  void *p = lua_newuserdatauv(L, 16, 0);
  cr_assert_eq(lua_touserdata(L, -1), p);
  cr_assert_eq(lua_topointer(L, -1), p);
  cr_assert_eq(((uintptr_t)p) % 8, 0);  /* aligned for any C type */
  cr_assert_null(lua_touserdata(L, 100));
  lua_pushinteger(L, 1);
  cr_assert_null(lua_touserdata(L, -1));
  cr_assert_null(lua_tothread(L, -1));
  cr_assert_null(lua_tocfunction(L, -1));
}

/* One C buffer, rewritten between pushes: each push must take the bytes it holds now
 * (Cove remembers strings by the address of the C string; lua5.4's luaS_new does too). */
Test(pushto, pushstring_reads_a_reused_buffer_afresh) {
  char buf[64];
  const char *const texts[] = {"alpha", "alph", "alphabet", "", "beta",
                               "a string longer than forty bytes, not interned at all",
                               "a string longer than forty bytes, not interned at ALL",
                               "alpha"};
  int n = (int)(sizeof texts / sizeof texts[0]);
  for (int i = 0; i < n; i++) {
    strcpy(buf, texts[i]);
    lua_pushstring(L, buf);
    lua_getfield(L, LUA_REGISTRYINDEX, buf);   /* a key from the same buffer */
    lua_pop(L, 1);
  }
  for (int i = 0; i < n; i++)
    cr_assert_str_eq(lua_tostring(L, i + 1), texts[i], "push %d", i);
  cr_assert(lua_rawequal(L, 1, n), "equal short strings are one interned string");
  strcpy(buf, "key");
  lua_pushinteger(L, 42);
  lua_setfield(L, LUA_REGISTRYINDEX, buf);
  strcpy(buf, "kez");
  cr_assert_eq(lua_getfield(L, LUA_REGISTRYINDEX, buf), LUA_TNIL);
  cr_assert_eq(lua_getfield(L, LUA_REGISTRYINDEX, "key"), LUA_TNUMBER);
}
