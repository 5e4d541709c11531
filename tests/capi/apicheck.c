/* API misuse that lua5.4 built with LUA_USE_APICHECK catches: each case below breaks
 * one rule of the C API inside a C function and must abort with the assertion naming
 * lua5.4's message. Linked against the debug build (`make debug`) by
 * tests/capi/apicheck_test.sh, which runs `apicheck CASE` for every case and checks
 * the exit (SIGABRT) and the message; `apicheck ok` runs legal code near every limit,
 * which must not abort. Written for Lua 5.4 only: it gives the same results linked
 * against a PUC Lua 5.4.4 built with -DLUA_USE_APICHECK. */
#include <stdio.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static int noop(lua_State *L) {
  (void)L;
  return 0;
}

static int many(lua_State *L) {
  luaL_checkstack(L, 30, "many");
  for (int i = 0; i < 30; i++)
    lua_pushinteger(L, i);
  return 30;
}

/* Legal code at the edges: exactly LUA_MINSTACK pushes, lua_checkstack for more,
 * the highest acceptable index, LUA_MULTRET results, the last upvalue. */
static int legal(lua_State *L) {
  lua_settop(L, 0);
  for (int i = 0; i < LUA_MINSTACK; i++)
    lua_pushinteger(L, i);
  printf("type at acceptable index %d: %s\n", LUA_MINSTACK,
         lua_typename(L, lua_type(L, LUA_MINSTACK)));
  luaL_checkstack(L, 40, "room");
  for (int i = 0; i < 40; i++)
    lua_pushinteger(L, i);
  lua_settop(L, 0);
  lua_pushcfunction(L, many);
  lua_call(L, 0, LUA_MULTRET);
  printf("multret results: %d\n", lua_gettop(L));
  lua_settop(L, 0);
  lua_pushinteger(L, 5);
  lua_pushinteger(L, 7);
  lua_arith(L, LUA_OPADD);
  /* a light C function has no upvalues: "none", not an error */
  printf("sum %d, missing upvalue is none: %d\n", (int)lua_tointeger(L, 1),
         lua_isnone(L, lua_upvalueindex(1)));
  return 0;
}

static lua_State *other;

static int misuse(lua_State *L) {
  const char *c = lua_tostring(L, 1);
  lua_settop(L, 0);
  if (strcmp(c, "overflow") == 0) {
    for (int i = 0; i <= LUA_MINSTACK + 1; i++)  /* the argument left one more slot */
      lua_pushinteger(L, i);
  } else if (strcmp(c, "index") == 0) {
    lua_type(L, LUA_MINSTACK + 5);
  } else if (strcmp(c, "negindex") == 0) {
    lua_pushnil(L);
    lua_pushvalue(L, -3);
  } else if (strcmp(c, "callargs") == 0) {
    lua_pushcfunction(L, noop);
    lua_pushnil(L);
    lua_call(L, 3, 0);
  } else if (strcmp(c, "callresults") == 0) {
    lua_pushcfunction(L, noop);
    lua_call(L, 0, 50);
  } else if (strcmp(c, "rawget") == 0) {
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    lua_rawget(L, 1);
  } else if (strcmp(c, "next") == 0) {
    lua_pushinteger(L, 1);
    lua_pushnil(L);
    lua_next(L, 1);
  } else if (strcmp(c, "settop") == 0) {
    lua_settop(L, 2000000);
  } else if (strcmp(c, "errfunc") == 0) {
    lua_pushinteger(L, 1);
    lua_pushcfunction(L, noop);
    lua_pcall(L, 0, 0, 1);
  } else if (strcmp(c, "setmetatable") == 0) {
    lua_newtable(L);
    lua_pushinteger(L, 1);
    lua_setmetatable(L, 1);
  } else if (strcmp(c, "upvalue") == 0) {
    lua_pushvalue(L, lua_upvalueindex(300));
  } else if (strcmp(c, "uservalue") == 0) {
    lua_newtable(L);
    lua_getiuservalue(L, 1, 1);
  } else if (strcmp(c, "xmove") == 0) {
    lua_pushinteger(L, 1);
    lua_xmove(L, other, 1);
  } else if (strcmp(c, "typename") == 0) {
    lua_typename(L, 42);
  } else if (strcmp(c, "newuserdata") == 0) {
    lua_newuserdatauv(L, 8, -1);
  } else if (strcmp(c, "concat") == 0) {
    lua_pushstring(L, "a");
    lua_concat(L, 3);
  } else if (strcmp(c, "rotate") == 0) {
    lua_pushinteger(L, 1);
    lua_pushinteger(L, 2);
    lua_rotate(L, 1, 5);
  } else if (strcmp(c, "arith") == 0) {
    lua_pushinteger(L, 1);
    lua_arith(L, LUA_OPADD);
  } else if (strcmp(c, "checkstack") == 0) {
    lua_checkstack(L, -1);
  } else if (strcmp(c, "error") == 0) {
    lua_error(L);
  } else if (strcmp(c, "settable") == 0) {
    lua_newtable(L);
    lua_settable(L, 1);  /* needs key and value above the table */
  } else if (strcmp(c, "setfield") == 0) {
    lua_setfield(L, LUA_REGISTRYINDEX, "k");
  } else if (strcmp(c, "closure") == 0) {
    lua_pushinteger(L, 1);
    lua_pushcclosure(L, noop, 2);
  } else if (strcmp(c, "copy") == 0) {
    lua_pushinteger(L, 1);
    lua_copy(L, 1, 3);
  } else {
    printf("unknown case %s\n", c);
    return 0;
  }
  printf("%s: not caught\n", c);
  return 0;
}

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  other = luaL_newstate();
  luaL_openlibs(L);
  if (argc < 2)
    return 2;
  int st;
  if (strcmp(argv[1], "ok") == 0) {
    lua_pushcfunction(L, legal);
    st = lua_pcall(L, 0, 0, 0);
  } else {
    lua_pushcfunction(L, misuse);
    lua_pushstring(L, argv[1]);
    st = lua_pcall(L, 1, 0, 0);
  }
  printf("status %d\n", st);
  lua_close(L);
  lua_close(other);
  return 0;
}
