/* A C module written for Lua 5.4 that exercises the C API the way real modules do
 * (buffers, userdata types, references, continuations, debug info). tests/capi/run.sh
 * builds it as a shared object and loads it with `require` into cove and, when
 * installed, into lua5.4: both must print the same thing. */
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

/* ---- buffers: strings longer than LUAL_BUFFERSIZE force the buffer onto the stack */
static int m_repeat(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (lua_Integer i = 0; i < n; i++) {
    luaL_addlstring(&b, s, len);
    luaL_addchar(&b, '|');
    lua_pushinteger(L, i);  /* luaL_addvalue takes the value above the buffer slot */
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  return 1;
}

static int m_bufsize(lua_State *L) {
  luaL_Buffer b;
  size_t n = (size_t)luaL_checkinteger(L, 1);
  char *p = luaL_buffinitsize(L, &b, n);
  memset(p, 'z', n);
  luaL_pushresultsize(&b, n);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
  return 2;
}

/* ---- a userdata type with a metatable, __index methods, __gc-free */
#define COUNTER "capimod.Counter"

typedef struct Counter {
  lua_Integer value;
  lua_Integer step;
} Counter;

static int counter_new(lua_State *L) {
  lua_Integer value = luaL_optinteger(L, 1, 0);
  lua_Integer step = luaL_optinteger(L, 2, 1);
  Counter *c = lua_newuserdatauv(L, sizeof(Counter), 2);
  c->value = value;
  c->step = step;
  luaL_setmetatable(L, COUNTER);
  lua_pushstring(L, "label");
  lua_setiuservalue(L, -2, 1);
  return 1;
}

static int counter_next(lua_State *L) {
  Counter *c = luaL_checkudata(L, 1, COUNTER);
  c->value += c->step;
  lua_pushinteger(L, c->value);
  return 1;
}

static int counter_label(lua_State *L) {
  luaL_checkudata(L, 1, COUNTER);
  int t = lua_getiuservalue(L, 1, 1);
  int none = lua_getiuservalue(L, 1, 3);
  lua_pushstring(L, lua_typename(L, t));
  lua_pushstring(L, lua_typename(L, none));
  return 4;
}

static int counter_tostring(lua_State *L) {
  Counter *c = luaL_checkudata(L, 1, COUNTER);
  lua_pushfstring(L, "Counter(%I, step %d)", (LUAI_UACINT)c->value, (int)c->step);
  return 1;
}

static const luaL_Reg counter_methods[] = {
  {"next", counter_next},
  {"label", counter_label},
  {NULL, NULL}
};

/* ---- registry references */
static int m_refs(lua_State *L) {
  lua_pushstring(L, "first");
  int r1 = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushstring(L, "second");
  int r2 = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushnil(L);
  int rnil = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r2);
  luaL_unref(L, LUA_REGISTRYINDEX, r1);
  lua_pushstring(L, "third");
  int r3 = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushboolean(L, r3 == r1);  /* a freed reference is reused */
  lua_pushboolean(L, rnil == LUA_REFNIL);
  luaL_unref(L, LUA_REGISTRYINDEX, r2);
  luaL_unref(L, LUA_REGISTRYINDEX, r3);
  return 4;
}

/* ---- closures with upvalues (luaL_setfuncs with nup) */
static int m_bump(lua_State *L) {
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
  lua_pushinteger(L, n);
  lua_copy(L, -1, lua_upvalueindex(1));
  lua_pushboolean(L, lua_isnone(L, lua_upvalueindex(2)));
  return 2;
}

/* ---- calls with continuations: the callback may yield */
static int finish_call(lua_State *L, int status, lua_KContext ctx) {
  lua_pushinteger(L, (lua_Integer)ctx);
  lua_pushstring(L, status == LUA_YIELD ? "resumed" : "direct");
  return lua_gettop(L) - 1;
}

static int m_callk(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_pushvalue(L, 1);
  lua_callk(L, 0, 1, 42, finish_call);
  return finish_call(L, LUA_OK, 42);
}

static int finish_pcall(lua_State *L, int status, lua_KContext ctx) {
  lua_pushboolean(L, status == LUA_OK || status == LUA_YIELD);
  lua_insert(L, -2);
  return 2;
}

static int m_pcallk(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  int status = lua_pcallk(L, 0, 1, 0, 0, finish_pcall);
  return finish_pcall(L, status, 0);
}

static int finish_yield(lua_State *L, int status, lua_KContext ctx) {
  lua_pushstring(L, "after yield");
  return lua_gettop(L);
}

static int m_yieldk(lua_State *L) {
  return lua_yieldk(L, lua_gettop(L), 0, finish_yield);
}

/* ---- stack manipulation, arithmetic, comparison */
static int m_stack(lua_State *L) {
  lua_settop(L, 0);
  for (int i = 1; i <= 5; i++)
    lua_pushinteger(L, i);
  lua_rotate(L, 2, 1);   /* 1 5 2 3 4 */
  lua_insert(L, 1);      /* 4 1 5 2 3 */
  lua_remove(L, 2);      /* 4 5 2 3 */
  lua_pushinteger(L, 9);
  lua_replace(L, 1);     /* 9 5 2 3 */
  lua_pushvalue(L, -2);  /* 9 5 2 3 2 */
  lua_arith(L, LUA_OPMUL);  /* 9 5 2 6 */
  lua_pushinteger(L, 7);
  lua_arith(L, LUA_OPUNM);  /* 9 5 2 6 -7 */
  lua_pushboolean(L, lua_compare(L, 1, 2, LUA_OPLT));
  lua_pushboolean(L, lua_compare(L, 2, 3, LUA_OPLE) == 0);
  lua_pushboolean(L, lua_rawequal(L, 3, 3) && lua_isnone(L, 40));
  lua_pushinteger(L, lua_absindex(L, -1));
  lua_pushnumber(L, 2.5);
  lua_pushinteger(L, 2);
  lua_arith(L, LUA_OPPOW);
  lua_pushstring(L, "10");
  lua_pushinteger(L, 3);
  lua_arith(L, LUA_OPIDIV);
  return lua_gettop(L);
}

static int m_convert(lua_State *L) {
  int isnum;
  lua_Integer i = lua_tointegerx(L, 1, &isnum);
  lua_Number n = lua_tonumber(L, 1);
  lua_pushinteger(L, i);
  lua_pushboolean(L, isnum);
  lua_pushnumber(L, n);
  lua_pushboolean(L, lua_isinteger(L, 1));
  lua_pushboolean(L, lua_isnumber(L, 1));
  lua_pushboolean(L, lua_isstring(L, 1));
  size_t len = lua_stringtonumber(L, "0x10");
  lua_pushinteger(L, (lua_Integer)len);
  return 8;
}

/* lua_tolstring converts numbers in place */
static int m_tolstring(lua_State *L) {
  lua_pushinteger(L, 12);
  lua_pushnumber(L, 1.5);
  size_t l1, l2;
  const char *a = lua_tolstring(L, -2, &l1);
  const char *b = lua_tolstring(L, -1, &l2);
  lua_pushfstring(L, "%s/%s %d %d", a, b, (int)l1, (int)l2);
  lua_pushstring(L, lua_typename(L, lua_type(L, -3)));
  return 2;
}

static int m_pushfstring(lua_State *L) {
  lua_pushfstring(L, "[%s|%d|%I|%f|%c|%U|%%]", "str", -7, (LUAI_UACINT)1234567890123LL,
                  (LUAI_UACNUMBER)3.0, 'Q', (long)0x20AC);
  lua_pushfstring(L, "%f %f", (LUAI_UACNUMBER)0.1, (LUAI_UACNUMBER)1e300);
  return 2;
}

/* ---- tables: next, length, len metamethod, concat */
static int m_tables(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_Integer sum = 0;
  int count = 0;
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    if (lua_isinteger(L, -1))
      sum += lua_tointeger(L, -1);
    count++;
    lua_pop(L, 1);
  }
  lua_pushinteger(L, sum);
  lua_pushinteger(L, count);
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  lua_pushinteger(L, luaL_len(L, 1));
  lua_pushstring(L, "a");
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 2.0);
  lua_concat(L, 3);
  lua_concat(L, 0);
  lua_geti(L, 1, 1);
  lua_getfield(L, 1, "name");
  return 7;
}

/* ---- errors and debug information */
static int m_where(lua_State *L) {
  luaL_where(L, 1);
  lua_Debug ar;
  if (lua_getstack(L, 1, &ar)) {
    lua_getinfo(L, "Sln", &ar);
    lua_pushstring(L, ar.short_src);
    lua_pushinteger(L, ar.currentline);
    lua_pushstring(L, ar.what);
  }
  lua_getstack(L, 0, &ar);
  lua_getinfo(L, "Su", &ar);
  lua_pushstring(L, ar.what);
  lua_pushinteger(L, ar.nups);
  lua_pushboolean(L, ar.isvararg);
  return lua_gettop(L);
}

static int m_argerr(lua_State *L) {
  luaL_checkinteger(L, 1);
  luaL_checkoption(L, 2, "one", (const char *const[]){"one", "two", NULL});
  return luaL_argerror(L, 3, "custom problem");
}

static int m_traceback(lua_State *L) {
  luaL_traceback(L, L, "tb", 0);
  return 1;
}

static int m_tostring(lua_State *L) {
  luaL_tolstring(L, 1, NULL);
  return 1;
}

static int m_gsub(lua_State *L) {
  luaL_gsub(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2), luaL_checkstring(L, 3));
  return 1;
}

static int m_subtable(lua_State *L) {
  int existed1 = luaL_getsubtable(L, LUA_REGISTRYINDEX, "capimod.sub");
  lua_pop(L, 1);
  int existed2 = luaL_getsubtable(L, LUA_REGISTRYINDEX, "capimod.sub");
  lua_pop(L, 1);
  lua_pushboolean(L, existed1);
  lua_pushboolean(L, existed2);
  return 2;
}

static int m_globals(lua_State *L) {
  lua_pushglobaltable(L);
  lua_getfield(L, -1, "capimod_global");
  lua_remove(L, -2);  /* the globals table (its address is not deterministic) */
  lua_pushinteger(L, 99);
  lua_setglobal(L, "capimod_global");
  lua_getglobal(L, "capimod_global");
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  lua_pushboolean(L, lua_tothread(L, -1) != NULL);
  lua_remove(L, -2);
  return 3;
}

/* ---- to-be-closed slots in a C function: closed by lua_closeslot, lua_settop or
 * the return */
static int m_toclose(lua_State *L) {
  lua_settop(L, 3);
  lua_toclose(L, 1);
  lua_toclose(L, 2);
  lua_toclose(L, 3);
  lua_closeslot(L, 3);
  lua_pushstring(L, "after closeslot");
  lua_setglobal(L, "capimod_trace");
  lua_settop(L, 1);  /* closes slot 2 */
  lua_pushstring(L, "returning");
  return 1;  /* slot 1 is closed on return */
}

/* ---- hooks written in C may yield from count and line events (lua_yield with 0
 * results); the coroutine resumes at the instruction where the hook ran */
static void yielding_hook(lua_State *L, lua_Debug *ar) {
  if (ar->event == LUA_HOOKCOUNT || ar->event == LUA_HOOKLINE)
    lua_yield(L, 0);
}

static int m_yieldhook(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  const char *what = luaL_checkstring(L, 2);
  int mask = 0;
  if (strchr(what, 'l'))
    mask |= LUA_MASKLINE;
  if (strchr(what, 'c'))
    mask |= LUA_MASKCOUNT;
  lua_sethook(co, yielding_hook, mask, (int)luaL_optinteger(L, 3, 0));
  return 0;
}

/* ---- lua_checkstack up to the real limit: push n values and count them */
static int m_checkstack(lua_State *L) {
  int n = (int)luaL_checkinteger(L, 1);
  lua_settop(L, 0);
  if (!lua_checkstack(L, n)) {
    lua_pushboolean(L, 0);
    return 1;
  }
  for (int i = 0; i < n; i++)
    lua_pushinteger(L, i);
  int top = lua_gettop(L);
  lua_settop(L, 0);
  lua_pushboolean(L, 1);
  lua_pushinteger(L, top);
  return 2;
}

static const luaL_Reg funcs[] = {
  {"yieldhook", m_yieldhook},
  {"checkstack", m_checkstack},
  {"repeat_", m_repeat},
  {"bufsize", m_bufsize},
  {"counter", counter_new},
  {"refs", m_refs},
  {"callk", m_callk},
  {"pcallk", m_pcallk},
  {"yieldk", m_yieldk},
  {"stack", m_stack},
  {"convert", m_convert},
  {"tolstring", m_tolstring},
  {"pushfstring", m_pushfstring},
  {"tables", m_tables},
  {"where", m_where},
  {"argerr", m_argerr},
  {"traceback", m_traceback},
  {"tostring", m_tostring},
  {"gsub", m_gsub},
  {"subtable", m_subtable},
  {"globals", m_globals},
  {"toclose", m_toclose},
  {NULL, NULL}
};

int luaopen_capimod(lua_State *L) {
  luaL_newlib(L, funcs);
  if (luaL_newmetatable(L, COUNTER)) {
    luaL_newlib(L, counter_methods);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, counter_tostring);
    lua_setfield(L, -2, "__tostring");
  }
  lua_pop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, m_bump, 1);
  lua_setfield(L, -2, "bump");
  lua_pushstring(L, LUA_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
