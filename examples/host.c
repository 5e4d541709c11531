/* A C host program written for Lua 5.4 and nothing else: it uses only lua.h, lauxlib.h
 * and lualib.h, so it builds unchanged against Cove (`pkg-config --cflags --libs cove`)
 * and against PUC Lua (`pkg-config --cflags --libs lua5.4`), and both builds print the
 * same (tests/capi/host_test.sh checks it). It exercises the API a real embedder uses:
 * userdata with metatables and user values, C closures with upvalues, luaL_Buffer,
 * lua_next, references, lua_pcall with a traceback handler, lua_yieldk continuations,
 * coroutines resumed from C, lua_arith and lua_compare. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#define VEC_MT "host.Vec"

static void section(const char *name) {
  printf("-- %s\n", name);
}

/* Run a chunk of Lua text, reporting (not aborting on) errors. */
static void run(lua_State *L, const char *code) {
  if (luaL_loadbuffer(L, code, strlen(code), "=script") != LUA_OK ||
      lua_pcall(L, 0, 0, 0) != LUA_OK) {
    printf("error: %s\n", lua_tostring(L, -1));
    lua_pop(L, 1);
  }
}

/* ---- userdata with a metatable and user values ---- */

typedef struct Vec {
  double x, y;
} Vec;

static Vec *vec_check(lua_State *L, int idx) {
  return (Vec *)luaL_checkudata(L, idx, VEC_MT);
}

/* Vec(x, y [, label]): the label is kept as user value 1, a tag table as user value 2. */
static int vec_new(lua_State *L) {
  double x = luaL_checknumber(L, 1), y = luaL_checknumber(L, 2);
  Vec *v = (Vec *)lua_newuserdatauv(L, sizeof(Vec), 2);
  v->x = x;
  v->y = y;
  luaL_setmetatable(L, VEC_MT);
  if (!lua_isnoneornil(L, 3)) {
    lua_pushvalue(L, 3);
    lua_setiuservalue(L, -2, 1);
  }
  lua_newtable(L);
  lua_setiuservalue(L, -2, 2);
  return 1;
}

static int vec_tostring(lua_State *L) {
  Vec *v = vec_check(L, 1);
  lua_getiuservalue(L, 1, 1);
  const char *label = lua_isstring(L, -1) ? lua_tostring(L, -1) : "vec";
  lua_pushfstring(L, "%s(%f, %f)", label, v->x, v->y);
  return 1;
}

static int vec_add(lua_State *L) {
  Vec *a = vec_check(L, 1), *b = vec_check(L, 2);
  lua_pushcfunction(L, vec_new);
  lua_pushnumber(L, a->x + b->x);
  lua_pushnumber(L, a->y + b->y);
  lua_call(L, 2, 1);
  return 1;
}

static int vec_lt(lua_State *L) {
  Vec *a = vec_check(L, 1), *b = vec_check(L, 2);
  lua_pushboolean(L, a->x * a->x + a->y * a->y < b->x * b->x + b->y * b->y);
  return 1;
}

static int vec_len(lua_State *L) {
  Vec *v = vec_check(L, 1);
  lua_pushinteger(L, (lua_Integer)(v->x * v->x + v->y * v->y));
  return 1;
}

/* v:tag(name) records name in the tag table (user value 2); v:tags() lists them. */
static int vec_tag(lua_State *L) {
  vec_check(L, 1);
  luaL_checkstring(L, 2);
  if (lua_getiuservalue(L, 1, 2) != LUA_TTABLE)
    return luaL_error(L, "no tag table");
  lua_pushvalue(L, 2);
  lua_pushboolean(L, 1);
  lua_settable(L, -3);
  lua_settop(L, 1);
  return 1;  /* chainable */
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorted, so the output does not depend on hash order. Uses lua_next. */
static int vec_tags(lua_State *L) {
  const char *names[32];
  int n = 0;
  vec_check(L, 1);
  lua_getiuservalue(L, 1, 2);
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    if (n < 32 && lua_type(L, -2) == LUA_TSTRING)
      names[n++] = lua_tostring(L, -2);  /* the key stays in the table: pointer valid */
    lua_pop(L, 1);
  }
  qsort(names, (size_t)n, sizeof names[0], cmp_str);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 0; i < n; i++) {
    if (i > 0)
      luaL_addchar(&b, ',');
    luaL_addstring(&b, names[i]);
  }
  luaL_pushresult(&b);
  return 1;
}

static const luaL_Reg vec_meta[] = {
  {"__tostring", vec_tostring},
  {"__add", vec_add},
  {"__lt", vec_lt},
  {"__len", vec_len},
  {NULL, NULL}
};

static const luaL_Reg vec_methods[] = {
  {"tag", vec_tag},
  {"tags", vec_tags},
  {NULL, NULL}
};

static void open_vec(lua_State *L) {
  luaL_newmetatable(L, VEC_MT);
  luaL_setfuncs(L, vec_meta, 0);
  luaL_newlib(L, vec_methods);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  lua_register(L, "Vec", vec_new);
}

/* ---- C closures with upvalues ---- */

/* counter(step): a closure whose upvalue 1 is the count, upvalue 2 the step. */
static int counter_next(lua_State *L) {
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + lua_tointeger(L, lua_upvalueindex(2));
  lua_pushinteger(L, n);
  lua_copy(L, -1, lua_upvalueindex(1));
  return 1;
}

static int counter_new(lua_State *L) {
  lua_Integer step = luaL_optinteger(L, 1, 1);
  lua_pushinteger(L, 0);
  lua_pushinteger(L, step);
  lua_pushcclosure(L, counter_next, 2);
  return 1;
}

/* ---- luaL_Buffer: repeat-with-separator, growing past LUAL_BUFFERSIZE ---- */

static int join_rep(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (lua_Integer i = 0; i < n; i++) {
    if (i > 0)
      luaL_addlstring(&b, "-", 1);
    luaL_addlstring(&b, s, len);
  }
  lua_pushinteger(L, n);  /* luaL_addvalue takes the top value */
  luaL_addvalue(&b);
  char *p = luaL_prepbuffsize(&b, 3);
  memcpy(p, "END", 3);
  luaL_addsize(&b, 3);
  luaL_pushresult(&b);
  return 1;
}

/* ---- lua_yieldk continuations ---- */

/* ticker(n): yields 1..n one at a time from C, resuming in its continuation, then
 * returns "done" and the context. */
static int ticker_k(lua_State *L, int status, lua_KContext ctx) {
  lua_Integer i = (lua_Integer)ctx;
  lua_Integer n = lua_tointeger(L, 1);
  (void)status;  /* LUA_YIELD on every resume */
  lua_settop(L, 1);
  if (i < n)
    return lua_yieldk(L, (lua_pushinteger(L, i + 1), 1), (lua_KContext)(i + 1), ticker_k);
  lua_pushstring(L, "done");
  lua_pushinteger(L, (lua_Integer)ctx);
  return 2;
}

static int ticker(lua_State *L) {
  luaL_checkinteger(L, 1);
  return ticker_k(L, LUA_OK, 0);
}

/* callk_twice(f): calls f with lua_callk; f may yield. The continuation doubles the
 * result, so it runs whether f yielded or not. */
static int twice_k(lua_State *L, int status, lua_KContext ctx) {
  (void)status;
  (void)ctx;
  lua_Integer v = lua_tointeger(L, -1);
  lua_pushinteger(L, v * 2);
  return 1;
}

static int callk_twice(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_pushvalue(L, 1);
  lua_callk(L, 0, 1, 0, twice_k);
  return twice_k(L, LUA_OK, 0);
}

/* ---- error handling ---- */

static int traceback_handler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL)
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  luaL_traceback(L, L, msg, 1);
  return 1;
}

static void demo_pcall(lua_State *L) {
  section("pcall with traceback");
  const char *code =
    "local function inner(t) return t.missing.field end\n"
    "function outer(t) local r = inner(t) return r end\n"
    "return outer({})\n";
  lua_pushcfunction(L, traceback_handler);
  int base = lua_gettop(L);
  luaL_loadbuffer(L, code, strlen(code), "=traced");
  int status = lua_pcall(L, 0, 1, base);
  printf("status %d\n%s\n", status, lua_tostring(L, -1));
  lua_settop(L, base - 1);

  section("error objects and status codes");
  luaL_loadstring(L, "error({code = 42})");
  status = lua_pcall(L, 0, 0, 0);
  lua_getfield(L, -1, "code");
  printf("status %d, table error, code %d\n", status, (int)lua_tointeger(L, -1));
  lua_pop(L, 2);
  status = luaL_loadstring(L, "x = = 1");
  printf("syntax status %d: %s\n", status, lua_tostring(L, -1));
  lua_pop(L, 1);
  lua_pushcfunction(L, traceback_handler);
  luaL_loadstring(L, "error(setmetatable({}, {__tostring = function() return 'custom' end}))");
  status = lua_pcall(L, 0, 0, -2);
  printf("status %d: %.40s\n", status, lua_tostring(L, -1));
  lua_pop(L, 2);
  status = luaL_dostring(L, "error('plain', 0)");
  printf("dostring status %d: %s\n", status, lua_tostring(L, -1));
  lua_pop(L, 1);
}

/* ---- references ---- */

static void demo_refs(lua_State *L) {
  section("references");
  lua_pushstring(L, "first");
  int r1 = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_newtable(L);
  int r2 = luaL_ref(L, LUA_REGISTRYINDEX);
  lua_pushnil(L);
  int rnil = luaL_ref(L, LUA_REGISTRYINDEX);
  printf("refs distinct %d, nil ref is LUA_REFNIL %d\n", r1 != r2, rnil == LUA_REFNIL);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r1);
  lua_rawgeti(L, LUA_REGISTRYINDEX, r2);
  printf("deref %s, type of r2 %s\n", lua_tostring(L, -2), luaL_typename(L, -1));
  lua_pop(L, 2);
  luaL_unref(L, LUA_REGISTRYINDEX, r1);
  lua_pushstring(L, "second");
  int r3 = luaL_ref(L, LUA_REGISTRYINDEX);
  printf("freed ref reused %d\n", r3 == r1);
  luaL_unref(L, LUA_REGISTRYINDEX, r2);
  luaL_unref(L, LUA_REGISTRYINDEX, r3);
  /* references in an ordinary table */
  lua_newtable(L);
  for (int i = 0; i < 3; i++) {
    lua_pushinteger(L, i * 10);
    printf("table ref %d\n", luaL_ref(L, -2));
  }
  lua_pop(L, 1);
}

/* ---- coroutines resumed from C ---- */

static void demo_coroutines(lua_State *L) {
  section("coroutines resumed from C");
  lua_State *co = lua_newthread(L);
  luaL_loadstring(co,
    "local a, b = ...\n"
    "local c = coroutine.yield(a + b, 'first')\n"
    "local d = coroutine.yield(c * 2)\n"
    "return 'end', d\n");
  int nres, status;
  lua_pushinteger(co, 3);
  lua_pushinteger(co, 4);
  int nargs = 2;
  for (int step = 1; ; step++) {
    status = lua_resume(co, L, nargs, &nres);
    printf("resume %d: status %d, %d results:", step, status, nres);
    int first = lua_gettop(co) - nres + 1;
    for (int i = 0; i < nres; i++) {
      printf(" %s", luaL_tolstring(co, first + i, NULL));
      lua_pop(co, 1);
    }
    printf("\n");
    lua_pop(co, nres);
    if (status != LUA_YIELD)
      break;
    lua_pushinteger(co, step * 100);
    nargs = 1;
  }
  printf("final status %d, top %d\n", lua_status(co), lua_gettop(co));

  /* a C function that yields with a continuation, driven from C */
  lua_State *co2 = lua_newthread(L);
  lua_pushcfunction(co2, ticker);
  lua_pushinteger(co2, 3);
  nargs = 1;
  for (;;) {
    status = lua_resume(co2, L, nargs, &nres);
    printf("ticker: status %d nres %d top value %s\n", status, nres,
           luaL_tolstring(co2, -1, NULL));
    lua_pop(co2, 1 + nres);
    nargs = 0;
    if (status != LUA_YIELD)
      break;
  }

  /* an error inside a coroutine: status and message */
  lua_State *co3 = lua_newthread(L);
  luaL_loadstring(co3, "coroutine.yield(1) error('boom')");
  status = lua_resume(co3, L, 0, &nres);
  lua_pop(co3, nres);
  status = lua_resume(co3, L, 0, &nres);
  printf("error in coroutine: status %d, %s\n", status, lua_tostring(co3, -1));
  printf("closethread/resetthread: %d\n", lua_resetthread(co3));
  lua_pop(L, 3);
}

/* ---- arithmetic and comparison through the API ---- */

static void demo_arith(lua_State *L) {
  static const struct { int op; const char *name; } ops[] = {
    {LUA_OPADD, "add"}, {LUA_OPSUB, "sub"}, {LUA_OPMUL, "mul"}, {LUA_OPMOD, "mod"},
    {LUA_OPPOW, "pow"}, {LUA_OPDIV, "div"}, {LUA_OPIDIV, "idiv"}, {LUA_OPBAND, "band"},
    {LUA_OPBOR, "bor"}, {LUA_OPBXOR, "bxor"}, {LUA_OPSHL, "shl"}, {LUA_OPSHR, "shr"},
  };
  section("lua_arith / lua_compare");
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
    lua_pushinteger(L, 7);
    lua_pushinteger(L, 3);
    lua_arith(L, ops[i].op);
    printf("%s %s%s", ops[i].name, luaL_tolstring(L, -1, NULL), i % 6 == 5 ? "\n" : "  ");
    lua_pop(L, 2);
  }
  lua_pushnumber(L, 2.5);
  lua_arith(L, LUA_OPUNM);
  lua_pushinteger(L, 5);
  lua_arith(L, LUA_OPBNOT);
  lua_pushstring(L, "10");
  lua_pushnumber(L, 4);
  lua_arith(L, LUA_OPDIV);
  for (int i = 1; i <= 3; i++) {
    printf("%s%s", i > 1 ? " " : "unm/bnot/str-div: ", luaL_tolstring(L, i, NULL));
    lua_pop(L, 1);
  }
  printf("\n");
  lua_settop(L, 0);
  /* metamethods through the API: Vec __add and __lt */
  run(L, "a = Vec(1, 2, 'a') b = Vec(3, 4)");
  lua_getglobal(L, "a");
  lua_getglobal(L, "b");
  printf("a<b %d b<a %d a<=a %d a==a %d a==b %d\n", lua_compare(L, 1, 2, LUA_OPLT),
         lua_compare(L, 2, 1, LUA_OPLT), lua_compare(L, 1, 1, LUA_OPLE),
         lua_compare(L, 1, 1, LUA_OPEQ), lua_compare(L, 1, 2, LUA_OPEQ));
  lua_arith(L, LUA_OPADD);
  printf("a+b = %s\n", luaL_tolstring(L, -1, NULL));
  lua_settop(L, 0);
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 1.0);
  lua_pushstring(L, "1");
  printf("1==1.0 %d  1==\"1\" %d  rawequal %d  1<2.5 %d\n", lua_compare(L, 1, 2, LUA_OPEQ),
         lua_compare(L, 1, 3, LUA_OPEQ), lua_rawequal(L, 1, 2),
         (lua_pushnumber(L, 2.5), lua_compare(L, 1, -1, LUA_OPLT)));
  lua_settop(L, 0);
  lua_pushnil(L);
  lua_pushinteger(L, 1);
  lua_pushcfunction(L, traceback_handler);
  lua_insert(L, 1);
  luaL_loadstring(L, "return ({...})[1] + ({...})[2]");
  lua_insert(L, 2);
  printf("nil + 1 under pcall: %d ", lua_pcall(L, 2, 1, 1));
  printf("%.60s\n", lua_tostring(L, -1));
  lua_settop(L, 0);
}

/* ---- tables from C: lua_next over an array, lengths, raw access ---- */

static void demo_tables(lua_State *L) {
  section("tables");
  run(L, "t = {10, 20, 30, nil, 50, n = 'five'}");
  lua_getglobal(L, "t");
  lua_Integer sum = 0;
  int keys = 0;
  lua_pushnil(L);
  while (lua_next(L, 1) != 0) {
    keys++;
    if (lua_isinteger(L, -1))
      sum += lua_tointeger(L, -1);
    lua_pop(L, 1);
  }
  printf("keys %d sum %lld rawlen>=3 %d\n", keys, (long long)sum, lua_rawlen(L, 1) >= 3);
  lua_pushinteger(L, 99);
  lua_rawseti(L, 1, 4);
  lua_len(L, 1);
  lua_getfield(L, 1, "n");
  printf("len after t[4]=99: %lld, t.n=%s\n", (long long)lua_tointeger(L, -2),
         lua_tostring(L, -1));
  lua_settop(L, 0);
  lua_createtable(L, 0, 2);
  lua_pushliteral(L, "v");
  lua_setfield(L, -2, "k");
  lua_pushboolean(L, 1);
  lua_rawsetp(L, -2, (void *)&keys);
  lua_rawgetp(L, -1, (void *)&keys);
  lua_getfield(L, -2, "k");
  printf("rawsetp/rawgetp %d, getfield %s\n", lua_toboolean(L, -2), lua_tostring(L, -1));
  lua_settop(L, 0);
}

int main(void) {
  lua_State *L = luaL_newstate();
  if (L == NULL)
    return 1;
  luaL_openlibs(L);
  open_vec(L);
  lua_register(L, "counter", counter_new);
  lua_register(L, "join_rep", join_rep);
  lua_register(L, "ticker", ticker);
  lua_register(L, "callk_twice", callk_twice);

  section("userdata");
  run(L,
    "local v = Vec(3, 4, 'v')\n"
    "print(tostring(v), #v, tostring(v + Vec(1, 1)))\n"
    "print(v:tag('red'):tag('blue'):tag('alpha'):tags())\n"
    "print(pcall(Vec, 'x'))\n"
    "print(pcall(v.tag, 42, 'x'))\n"
    "print(getmetatable(v).__name, type(v), Vec(0, 0) < v)\n");

  section("closures with upvalues");
  run(L,
    "local c, d = counter(), counter(5)\n"
    "print(c(), c(), c(), d(), d())\n");

  section("luaL_Buffer");
  run(L,
    "local s = join_rep('ab', 3) print(s, #s)\n"
    "local big = join_rep(string.rep('x', 100), 30) print(#big, big:sub(-8))\n");

  section("lua_yieldk from Lua coroutines");
  run(L,
    "local co = coroutine.wrap(ticker)\n"
    "print(co(3), co(), co(), co())\n"
    "print(callk_twice(function() return 21 end))\n"
    "local co2 = coroutine.wrap(function()\n"
    "  return callk_twice(function() return coroutine.yield('paused') end)\n"
    "end)\n"
    "print(co2(), co2(50))\n");

  demo_pcall(L);
  demo_refs(L);
  demo_coroutines(L);
  demo_arith(L);
  demo_tables(L);

  section("end");
  printf("top %d\n", lua_gettop(L));
  lua_close(L);
  return 0;
}
