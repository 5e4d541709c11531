/* luaL_Buffer (§5.1): incremental building with luaL_addchar/addlstring/addstring/addvalue,
 * direct writes through luaL_prepbuffsize and luaL_addsize, luaL_buffinitsize and
 * luaL_pushresultsize, luaL_buffsub/luaL_buffaddr/luaL_bufflen, luaL_addgsub, and the
 * one-slot stack discipline that lets C code use the stack between buffer calls. */
#include "capi_test.h"

TestSuite(buffers, .init = capi_setup, .fini = capi_teardown);

Test(buffers, add_functions_in_order) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addchar(&b, '<');
  luaL_addlstring(&b, "abcdef", 3);
  luaL_addstring(&b, "-str-");
  lua_pushinteger(L, 42);
  luaL_addvalue(&b);
  lua_pushnumber(L, 1.5);
  luaL_addvalue(&b);
  luaL_addchar(&b, '>');
  luaL_pushresult(&b);
  cr_assert_str_eq(lua_tostring(L, -1), "<abc-str-421.5>");
  cr_assert_eq(lua_gettop(L), 1);
}

Test(buffers, large_content_and_embedded_zeros) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 0; i < 10000; i++)
    luaL_addlstring(&b, "x\0y", 3);
  cr_assert_eq(luaL_bufflen(&b), 30000);
  luaL_pushresult(&b);
  size_t len;
  const char *s = lua_tolstring(L, -1, &len);
  cr_assert_eq(len, 30000);
  cr_assert_eq(memcmp(s + 29997, "x\0y", 3), 0);
}

Test(buffers, prepbuffsize_and_addsize) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  char *p = luaL_prepbuffsize(&b, 5000);
  memset(p, 'q', 5000);
  luaL_addsize(&b, 5000);
  p = luaL_prepbuffer(&b);
  memcpy(p, "tail", 4);
  luaL_addsize(&b, 4);
  luaL_pushresult(&b);
  cr_assert_eq(lua_rawlen(L, -1), 5004);
  cr_assert_str_eq(lua_tostring(L, -1) + 5000, "tail");
}

Test(buffers, buffinitsize_and_pushresultsize) {
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, 3000);
  for (int i = 0; i < 3000; i++)
    p[i] = (char)('0' + i % 10);
  luaL_pushresultsize(&b, 3000);
  cr_assert_eq(lua_rawlen(L, -1), 3000);
  cr_assert_eq(strncmp(lua_tostring(L, -1), "0123456789", 10), 0);
  cr_assert_eq(lua_gettop(L), 1);
}

Test(buffers, buffsub_and_buffaddr) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, "hello world");
  luaL_buffsub(&b, 6);
  cr_assert_eq(luaL_bufflen(&b), 5);
  cr_assert_eq(memcmp(luaL_buffaddr(&b), "hello", 5), 0);
  luaL_pushresult(&b);
  cr_assert_str_eq(lua_tostring(L, -1), "hello");
}

Test(buffers, addgsub) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addgsub(&b, "a,b,,c", ",", ", ");
  luaL_pushresult(&b);
  cr_assert_str_eq(lua_tostring(L, -1), "a, b, , c");
}

Test(buffers, stack_usable_between_calls) {
  /* values pushed above the buffer slot and popped again before the next buffer call */
  luaL_Buffer b;
  lua_pushstring(L, "below");
  luaL_buffinit(L, &b);
  for (int i = 0; i < 2000; i++) {
    lua_pushinteger(L, i);
    lua_pushinteger(L, i * 2);
    lua_pop(L, 2);
    luaL_addchar(&b, 'z');
  }
  lua_pushstring(L, "value");
  luaL_addvalue(&b);
  luaL_pushresult(&b);
  cr_assert_eq(lua_rawlen(L, -1), 2005);
  cr_assert_str_eq(lua_tostring(L, 1), "below");
  cr_assert_eq(lua_gettop(L), 2);
}

static int concat_args(lua_State *L1) {
  luaL_Buffer b;
  int n = lua_gettop(L1);
  luaL_buffinit(L1, &b);
  for (int i = 1; i <= n; i++) {
    lua_pushvalue(L1, i);
    luaL_addvalue(&b);
    if (i < n)
      luaL_addchar(&b, ',');
  }
  luaL_pushresult(&b);
  return 1;
}

Test(buffers, buffer_inside_a_c_function) {
  lua_register(L, "cat", concat_args);
  run("return cat(1, 'two', 3.5, string.rep('x', 2000)):sub(1, 20)");
  cr_assert_str_eq(lua_tostring(L, -1), "1,two,3.5,xxxxxxxxxx");
}

Test(buffers, buffer_layout) {
  cr_assert_eq(LUAL_BUFFERSIZE, 1024);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  cr_assert_eq(b.n, 0);
  cr_assert_eq(b.size, LUAL_BUFFERSIZE);
  cr_assert_eq(b.b, b.init.b);  /* starts in the inline storage */
  cr_assert_eq(b.L, L);
  luaL_addchar(&b, 'a');
  luaL_pushresult(&b);
}
