/* Contract of the C API (vm/api.c, vm/apidebug.c, vm/lauxlib.c) as an embedding host
 * sees it: stack indices and pseudo-indices, conversions, tables, calls and errors,
 * loading, coroutines driven from C, buffers and references. Uses only the public
 * headers, like a program written for Lua 5.4. */
#include <string.h>
#include <criterion/criterion.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static lua_State *L;

static void setup(void) {
  L = luaL_newstate();
  luaL_openlibs(L);
}
static void teardown(void) { lua_close(L); }

TestSuite(api, .init = setup, .fini = teardown);

Test(api, stack_indices_and_rotation) {
  for (int i = 1; i <= 4; i++)
    lua_pushinteger(L, i);
  cr_assert_eq(lua_gettop(L), 4);
  cr_assert_eq(lua_absindex(L, -1), 4);
  cr_assert_eq(lua_absindex(L, LUA_REGISTRYINDEX), LUA_REGISTRYINDEX);
  lua_rotate(L, 1, 1);  /* 4 1 2 3 */
  cr_assert_eq(lua_tointeger(L, 1), 4);
  cr_assert_eq(lua_tointeger(L, 4), 3);
  lua_remove(L, 1);     /* 1 2 3 */
  lua_insert(L, 1);     /* 3 1 2 */
  cr_assert_eq(lua_tointeger(L, 1), 3);
  lua_settop(L, 5);     /* 3 1 2 nil nil */
  cr_assert(lua_isnil(L, 5));
  cr_assert(lua_isnone(L, 6));
  cr_assert_eq(lua_type(L, 100), LUA_TNONE);
  lua_pop(L, 5);
  cr_assert_eq(lua_gettop(L), 0);
}

Test(api, checkstack_grows_to_the_request) {
  cr_assert(lua_checkstack(L, 5000));
  for (int i = 0; i < 5000; i++)
    lua_pushinteger(L, i);
  cr_assert_eq(lua_tointeger(L, -1), 4999);
  cr_assert(!lua_checkstack(L, LUAI_MAXSTACK + 10));
}

Test(api, checkstack_reaches_the_real_limit) {
  /* lua5.4 grants requests up to LUAI_MAXSTACK minus what is in use; a negative
   * request needs no room and succeeds */
  cr_assert(lua_checkstack(L, LUAI_MAXSTACK - 1000));
  for (int i = 0; i < LUAI_MAXSTACK - 1000; i++)
    lua_pushinteger(L, i);
  cr_assert_eq(lua_gettop(L), LUAI_MAXSTACK - 1000);
  cr_assert(!lua_checkstack(L, 1000));
  lua_settop(L, 0);
  cr_assert(lua_checkstack(L, -1));
}

/* Transfer information (lua_getinfo 'r') seen by call and return hooks. */
static int transfer_log[8][3], transfer_n;
static void transfer_hook(lua_State *L, lua_Debug *ar) {
  lua_getinfo(L, "r", ar);
  if (transfer_n < 8) {
    transfer_log[transfer_n][0] = ar->event;
    transfer_log[transfer_n][1] = ar->ftransfer;
    transfer_log[transfer_n][2] = ar->ntransfer;
    transfer_n++;
  }
}

Test(api, hooks_report_transferred_values) {
  luaL_loadstring(L, "local function f(a, b) return a + b, 0 end; f(1, 2)");
  transfer_n = 0;
  lua_sethook(L, transfer_hook, LUA_MASKCALL | LUA_MASKRET, 0);
  lua_call(L, 0, 0);
  lua_sethook(L, NULL, 0, 0);
  /* main call (vararg: no fixed parameters), f call (2 params from slot 1), f return
   * (2 values from slot 3), main return (none) */
  cr_assert_eq(transfer_n, 4);
  int expect[4][3] = {{LUA_HOOKCALL, 0, 0}, {LUA_HOOKCALL, 1, 2}, {LUA_HOOKRET, 3, 2},
                      {LUA_HOOKRET, 0, 0}};
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 3; j++)
      cr_assert_eq(transfer_log[i][j], expect[i][j], "event %d field %d", i, j);
}

Test(api, conversions) {
  lua_pushstring(L, "0x10");
  lua_pushnumber(L, 3.0);
  lua_pushnumber(L, 3.5);
  int isnum;
  cr_assert_eq(lua_tointegerx(L, 1, &isnum), 16);
  cr_assert(isnum);
  cr_assert_eq(lua_tointeger(L, 2), 3);
  lua_tointegerx(L, 3, &isnum);
  cr_assert(!isnum);
  size_t len;
  const char *s = lua_tolstring(L, 2, &len);  /* converts in place */
  cr_assert_str_eq(s, "3.0");
  cr_assert_eq(len, 3);
  cr_assert_eq(lua_type(L, 2), LUA_TSTRING);
  cr_assert_eq(lua_stringtonumber(L, "  12  "), 7);
  cr_assert(lua_isinteger(L, -1));
  cr_assert_eq(lua_stringtonumber(L, "12x"), 0);
  cr_assert_str_eq(lua_typename(L, LUA_TNONE), "no value");
  cr_assert_str_eq(lua_typename(L, LUA_TLIGHTUSERDATA), "userdata");
}

Test(api, pushfstring_formats) {
  const char *s = lua_pushfstring(L, "%s %d %I %f %c %U %%", "a", 42, (lua_Integer)1 << 40,
                                  2.0, 'x', (long)0xE9);
  cr_assert_str_eq(s, "a 42 1099511627776 2.0 x \xC3\xA9 %");
}

Test(api, tables_raw_and_metamethods) {
  cr_assert_eq(luaL_dostring(L, "T = setmetatable({}, {__index = function(t, k) return k .. '!' end})"), LUA_OK);
  cr_assert_eq(lua_getglobal(L, "T"), LUA_TTABLE);
  cr_assert_eq(lua_getfield(L, 1, "key"), LUA_TSTRING);
  cr_assert_str_eq(lua_tostring(L, -1), "key!");
  lua_pushstring(L, "key");
  cr_assert_eq(lua_rawget(L, 1), LUA_TNIL);
  lua_pushinteger(L, 5);
  lua_rawseti(L, 1, 1);
  cr_assert_eq(lua_rawlen(L, 1), 1);
  lua_pushinteger(L, 7);
  lua_rawsetp(L, 1, (void *)&L);
  cr_assert_eq(lua_rawgetp(L, 1, (void *)&L), LUA_TNUMBER);
  cr_assert_eq(lua_tointeger(L, -1), 7);
  int n = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    n++;
    lua_pop(L, 1);
  }
  cr_assert_eq(n, 2);
}

Test(api, pcall_reports_errors_with_position) {
  cr_assert_eq(luaL_loadstring(L, "local x = nil; return x.y"), LUA_OK);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1),
                   "[string \"local x = nil; return x.y\"]:1: attempt to index a nil value (local 'x')");
  lua_pop(L, 1);
  cr_assert_eq(luaL_loadstring(L, "x ="), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "[string \"x =\"]:1: unexpected symbol near <eof>");
}

static int raises(lua_State *L1) {
  return luaL_error(L1, "custom %d", 7);
}

Test(api, c_function_errors_and_argcheck) {
  lua_pushcfunction(L, raises);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "custom 7");
  lua_pop(L, 1);
  cr_assert_eq(luaL_dostring(L, "return pcall(string.rep)"), LUA_OK);
  cr_assert_str_eq(lua_tostring(L, -1), "bad argument #1 to 'string.rep' (string expected, got no value)");
}

static int upcount(lua_State *L1) {
  lua_Integer n = lua_tointeger(L1, lua_upvalueindex(1)) + 1;
  lua_pushinteger(L1, n);
  lua_replace(L1, lua_upvalueindex(1));
  lua_pushinteger(L1, n);
  return 1;
}

Test(api, c_closure_upvalues) {
  lua_pushinteger(L, 10);
  lua_pushcclosure(L, upcount, 1);
  lua_setglobal(L, "up");
  cr_assert_eq(luaL_dostring(L, "up(); return up()"), LUA_OK);
  cr_assert_eq(lua_tointeger(L, -1), 12);
  lua_getglobal(L, "up");
  cr_assert_str_eq(lua_getupvalue(L, -1, 1), "");
  cr_assert_eq(lua_tointeger(L, -1), 12);
}

Test(api, coroutine_driven_from_c) {
  lua_State *co = lua_newthread(L);
  luaL_loadstring(co, "local a = ...; local b = coroutine.yield(a + 1); return b * 2");
  lua_pushinteger(co, 1);
  int nres;
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_YIELD);
  cr_assert_eq(nres, 1);
  cr_assert_eq(lua_tointeger(co, -1), 2);
  lua_pop(co, nres);
  lua_pushinteger(co, 21);
  cr_assert_eq(lua_resume(co, L, 1, &nres), LUA_OK);
  cr_assert_eq(lua_tointeger(co, -1), 42);
  cr_assert_eq(lua_status(co), LUA_OK);
}

Test(api, buffer_grows_past_inline_storage) {
  luaL_Buffer b;
  lua_pushstring(L, "below");
  luaL_buffinit(L, &b);
  for (int i = 0; i < 3000; i++)
    luaL_addchar(&b, (char)('a' + i % 26));
  luaL_addstring(&b, "END");
  luaL_pushresult(&b);
  cr_assert_eq(lua_rawlen(L, -1), 3003);
  cr_assert_str_eq(lua_tostring(L, -2), "below");  /* the buffer used exactly one slot */
  cr_assert_eq(lua_gettop(L), 2);
}

Test(api, references_are_reused) {
  lua_pushstring(L, "v1");
  int r1 = luaL_ref(L, LUA_REGISTRYINDEX);
  luaL_unref(L, LUA_REGISTRYINDEX, r1);
  lua_pushstring(L, "v2");
  int r2 = luaL_ref(L, LUA_REGISTRYINDEX);
  cr_assert_eq(r1, r2);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r2);
  cr_assert_str_eq(lua_tostring(L, -1), "v2");
  lua_pushnil(L);
  cr_assert_eq(luaL_ref(L, LUA_REGISTRYINDEX), LUA_REFNIL);
}

Test(api, userdata_types_and_uservalues) {
  luaL_newmetatable(L, "T");
  lua_pop(L, 1);
  void *p = lua_newuserdatauv(L, 64, 1);
  luaL_setmetatable(L, "T");
  cr_assert_eq(luaL_checkudata(L, -1, "T"), p);
  cr_assert_null(luaL_testudata(L, -1, "Other"));
  lua_pushinteger(L, 5);
  cr_assert(lua_setiuservalue(L, -2, 1));
  lua_pushinteger(L, 6);
  cr_assert(!lua_setiuservalue(L, -2, 2));
  cr_assert_eq(lua_getiuservalue(L, -1, 1), LUA_TNUMBER);
  cr_assert_eq(lua_rawlen(L, -2), 64);
}

Test(api, debug_info_of_a_lua_function) {
  const char *src = "local a, b = 1, 2\nreturn function(x, ...) return x end";
  luaL_loadbuffer(L, src, strlen(src), "=chunk");
  lua_call(L, 0, 1);
  lua_Debug ar;
  cr_assert(lua_getinfo(L, ">Su", &ar));
  cr_assert_str_eq(ar.what, "Lua");
  cr_assert_str_eq(ar.short_src, "chunk");
  cr_assert_eq(ar.linedefined, 2);
  cr_assert_eq(ar.nparams, 1);
  cr_assert(ar.isvararg);
  cr_assert(!lua_getstack(L, 0, &ar));  /* no function is running */
}
