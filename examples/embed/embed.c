/* A small host program embedding Lua through the Lua 5.4 C API only: it reads a
 * configuration script in a sandbox, calls functions the script defines, and gives the
 * script a C function library ('host') and a userdata type ('Vec2') with a metatable.
 * It builds unchanged against Cove (`pkg-config cove`) and against lua5.4 and prints
 * the same output with both (examples/embed/README.md). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

/* ---- the Vec2 userdata type ---- */

#define VEC2 "Vec2"

typedef struct { double x, y; } Vec2;

static Vec2 *vec_push(lua_State *L, double x, double y) {
  Vec2 *v = lua_newuserdatauv(L, sizeof(Vec2), 1);  /* one user value: an optional label */
  v->x = x;
  v->y = y;
  luaL_setmetatable(L, VEC2);
  return v;
}

static int vec_new(lua_State *L) {
  double x = luaL_checknumber(L, 1), y = luaL_optnumber(L, 2, 0.0);
  int has_label = !lua_isnoneornil(L, 3);  /* checked before the push adds a slot */
  if (has_label)
    luaL_checkstring(L, 3);
  vec_push(L, x, y);
  if (has_label) {
    lua_pushvalue(L, 3);
    lua_setiuservalue(L, -2, 1);
  }
  return 1;
}

static int vec_length(lua_State *L) {
  Vec2 *v = luaL_checkudata(L, 1, VEC2);
  lua_pushnumber(L, sqrt(v->x * v->x + v->y * v->y));
  return 1;
}

static int vec_label(lua_State *L) {
  luaL_checkudata(L, 1, VEC2);
  lua_getiuservalue(L, 1, 1);
  return 1;
}

static int vec_add(lua_State *L) {
  Vec2 *a = luaL_checkudata(L, 1, VEC2), *b = luaL_checkudata(L, 2, VEC2);
  vec_push(L, a->x + b->x, a->y + b->y);
  return 1;
}

static int vec_mul(lua_State *L) {  /* vector * number, either order */
  int vi = luaL_testudata(L, 1, VEC2) ? 1 : 2;
  Vec2 *v = luaL_checkudata(L, vi, VEC2);
  double k = luaL_checknumber(L, 3 - vi);
  vec_push(L, v->x * k, v->y * k);
  return 1;
}

static int vec_eq(lua_State *L) {
  Vec2 *a = luaL_checkudata(L, 1, VEC2), *b = luaL_checkudata(L, 2, VEC2);
  lua_pushboolean(L, a->x == b->x && a->y == b->y);
  return 1;
}

static int vec_index(lua_State *L) {  /* fields x and y, then the methods table */
  Vec2 *v = luaL_checkudata(L, 1, VEC2);
  const char *key = luaL_checkstring(L, 2);
  if (strcmp(key, "x") == 0)
    lua_pushnumber(L, v->x);
  else if (strcmp(key, "y") == 0)
    lua_pushnumber(L, v->y);
  else
    lua_getfield(L, lua_upvalueindex(1), key);
  return 1;
}

static int vec_tostring(lua_State *L) {
  Vec2 *v = luaL_checkudata(L, 1, VEC2);
  lua_pushfstring(L, "Vec2(%f, %f)", v->x, v->y);
  return 1;
}

static void vec_register(lua_State *L) {
  static const luaL_Reg methods[] = {{"length", vec_length}, {"label", vec_label}, {NULL, NULL}};
  static const luaL_Reg meta[] = {{"__add", vec_add}, {"__mul", vec_mul}, {"__eq", vec_eq},
                                  {"__tostring", vec_tostring}, {NULL, NULL}};
  luaL_newmetatable(L, VEC2);
  luaL_setfuncs(L, meta, 0);
  luaL_newlib(L, methods);
  lua_pushcclosure(L, vec_index, 1);  /* the methods table is vec_index's upvalue */
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

/* ---- the 'host' library ---- */

static int host_log(lua_State *L) {  /* host.log(level, ...): prints its arguments */
  static const char *const levels[] = {"info", "warn", NULL};
  int level = luaL_checkoption(L, 1, "info", levels);
  int nargs = lua_gettop(L);  /* before luaL_buffinit, which may occupy a stack slot */
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  luaL_addstring(&b, level ? "[warn]" : "[info]");
  for (int i = 2; i <= nargs; i++) {
    luaL_addchar(&b, ' ');
    luaL_tolstring(L, i, NULL);  /* honours __tostring */
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  puts(lua_tostring(L, -1));
  return 0;
}

static int host_counter(lua_State *L) {  /* host.next_id(): a C closure with state */
  lua_Integer n = lua_tointeger(L, lua_upvalueindex(1)) + 1;
  lua_pushinteger(L, n);
  lua_copy(L, -1, lua_upvalueindex(1));
  return 1;
}

static void host_register(lua_State *L) {
  static const luaL_Reg funcs[] = {{"log", host_log}, {"vec", vec_new}, {NULL, NULL}};
  luaL_newlib(L, funcs);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, host_counter, 1);
  lua_setfield(L, -2, "next_id");
}

/* ---- calling into the script ---- */

static int traceback(lua_State *L) {
  luaL_traceback(L, L, luaL_tolstring(L, 1, NULL), 1);
  return 1;
}

/* Calls function NAME of the config table at index cfg with nargs arguments already on
 * the stack; leaves nresults results. Returns 0 after printing the error and traceback. */
static int call_script(lua_State *L, int cfg, const char *name, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;
  lua_pushcfunction(L, traceback);
  if (lua_getfield(L, cfg, name) != LUA_TFUNCTION) {
    printf("config has no function '%s'\n", name);
    lua_settop(L, base);
    return 0;
  }
  lua_rotate(L, base + 1, 2);  /* handler, function, args... */
  if (lua_pcall(L, nargs, nresults, base + 1) != LUA_OK) {
    printf("error in %s: %s\n", name, lua_tostring(L, -1));
    lua_settop(L, base);
    return 0;
  }
  lua_remove(L, base + 1);  /* the handler */
  return 1;
}

/* Loads the configuration script with a fresh environment that sees only 'host',
 * 'print', 'math', 'string', 'ipairs', 'coroutine' and 'tostring'; returns the
 * environment table (left on the stack) or 0 on error. */
static int load_config(lua_State *L, const char *path) {
  if (luaL_loadfile(L, path) != LUA_OK) {
    printf("cannot load config: %s\n", lua_tostring(L, -1));
    return 0;
  }
  lua_newtable(L);
  static const char *const visible[] = {"print", "math", "string", "ipairs", "coroutine",
                                        "tostring", "pairs", "table", "error", NULL};
  for (int i = 0; visible[i]; i++) {
    lua_getglobal(L, visible[i]);
    lua_setfield(L, -2, visible[i]);
  }
  host_register(L);
  lua_setfield(L, -2, "host");
  lua_pushvalue(L, -1);
  lua_insert(L, -3);              /* env, chunk, env */
  lua_setupvalue(L, -2, 1);       /* the chunk's _ENV */
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
    printf("config failed: %s\n", lua_tostring(L, -1));
    return 0;
  }
  return 1;
}

static void print_settings(lua_State *L, int cfg) {
  lua_getfield(L, cfg, "name");
  lua_getfield(L, cfg, "width");
  lua_getfield(L, cfg, "height");
  lua_getfield(L, cfg, "scale");
  int w_ok, h_ok;
  lua_Integer w = lua_tointegerx(L, -3, &w_ok), h = lua_tointegerx(L, -2, &h_ok);
  printf("name=%s size=%lldx%lld%s scale=%.2f\n", luaL_optstring(L, -4, "(unnamed)"),
         (long long)w, (long long)h, w_ok && h_ok ? "" : " (invalid)", luaL_optnumber(L, -1, 1.0));
  lua_pop(L, 4);
  if (lua_getfield(L, cfg, "colors") == LUA_TTABLE) {
    printf("colors:");
    lua_Integer n = luaL_len(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
      lua_geti(L, -1, i);
      printf(" %s", lua_tostring(L, -1));
      lua_pop(L, 1);
    }
    printf("\n");
  }
  lua_pop(L, 1);
}

/* Runs the script's 'job' function as a coroutine, resuming it from C until it ends. */
static void run_job(lua_State *L, int cfg) {
  lua_State *co = lua_newthread(L);
  if (lua_getfield(L, cfg, "job") != LUA_TFUNCTION) {
    lua_pop(L, 2);
    return;
  }
  lua_xmove(L, co, 1);
  int nres, status, step = 0;
  lua_pushinteger(co, 3);  /* the job's argument */
  while ((status = lua_resume(co, L, step == 0 ? 1 : 0, &nres)) == LUA_YIELD) {
    printf("job progress: %s\n", lua_tostring(co, -1));
    lua_pop(co, nres);
    step++;
  }
  if (status == LUA_OK)
    printf("job done after %d yields: %s\n", step, nres > 0 ? lua_tostring(co, -1) : "-");
  else
    printf("job failed: %s\n", lua_tostring(co, -1));
  lua_pop(L, 1);  /* the thread */
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "config.lua";
  lua_State *L = luaL_newstate();
  if (L == NULL)
    return 1;
  luaL_openlibs(L);
  vec_register(L);
  if (!load_config(L, path)) {
    lua_close(L);
    return 1;
  }
  int cfg = lua_gettop(L);
  print_settings(L, cfg);

  /* call on_start(origin) and print what it returns */
  vec_push(L, 0, 0);
  if (call_script(L, cfg, "on_start", 1, 1)) {
    printf("on_start returned %s\n", luaL_tolstring(L, -1, NULL));
    lua_pop(L, 2);
  }
  /* transform(v, factor) -> v2: userdata in and out */
  vec_push(L, 3, 4);
  lua_pushnumber(L, 2);
  if (call_script(L, cfg, "transform", 2, 1)) {
    Vec2 *r = luaL_testudata(L, -1, VEC2);
    if (r)
      printf("transform gave (%g, %g)\n", r->x, r->y);
    else
      printf("transform gave a %s\n", luaL_typename(L, -1));
    lua_pop(L, 1);
  }
  run_job(L, cfg);
  /* a failing callback: the error comes back with a traceback */
  call_script(L, cfg, "broken", 0, 0);
  call_script(L, cfg, "missing", 0, 0);
  lua_close(L);
  return 0;
}
