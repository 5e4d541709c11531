/* The debug library (luaopen_debug): introspection of stack levels, locals and
 * upvalues, metatables and user values of any value, hooks, tracebacks. A thin layer
 * over the debug part of the public C API (lua_getinfo, lua_getlocal, lua_sethook...);
 * functions that take an optional thread first act on that coroutine's stack. */
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* Registry key of the table thread -> Lua hook function (weak keys, so a dead
 * coroutine's hook goes with it). */
static const char *const DB_HOOKKEY = "_HOOKKEY";

/* A debugged coroutine's stack must have room for what we move into it. */
static void db_check_stack(lua_State *L, lua_State *L1, int n) {
  if (L != L1 && !lua_checkstack(L1, n)) luaL_error(L, "stack overflow");
}

/* The thread an optional first argument names (or L); *arg is 1 when it was given,
 * so the other arguments start at *arg + 1. */
static lua_State *db_get_thread(lua_State *L, int *arg) {
  if (lua_isthread(L, 1)) {
    *arg = 1;
    return lua_tothread(L, 1);
  }
  *arg = 0;
  return L;
}

static int db_getregistry(lua_State *L) {
  lua_pushvalue(L, LUA_REGISTRYINDEX);
  return 1;
}

static int db_getmetatable(lua_State *L) {
  luaL_checkany(L, 1);
  if (!lua_getmetatable(L, 1)) lua_pushnil(L);
  return 1;
}

static int db_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

static int db_getuservalue(lua_State *L) {
  int n = (int)luaL_optinteger(L, 2, 1);
  if (lua_type(L, 1) != LUA_TUSERDATA) {
    luaL_pushfail(L);
  } else if (lua_getiuservalue(L, 1, n) != LUA_TNONE) {
    lua_pushboolean(L, 1);
    return 2;
  }
  return 1;
}

static int db_setuservalue(lua_State *L) {
  int n = (int)luaL_optinteger(L, 3, 1);
  luaL_checktype(L, 1, LUA_TUSERDATA);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  if (!lua_setiuservalue(L, 1, n)) luaL_pushfail(L);
  return 1;
}

static void db_set_string(lua_State *L, const char *key, const char *value) {
  lua_pushstring(L, value);
  lua_setfield(L, -2, key);
}

static void db_set_int(lua_State *L, const char *key, int value) {
  lua_pushinteger(L, value);
  lua_setfield(L, -2, key);
}

static void db_set_bool(lua_State *L, const char *key, int value) {
  lua_pushboolean(L, value);
  lua_setfield(L, -2, key);
}

/* lua_getinfo leaves 'f' and 'L' results on L1's stack; move them into the result
 * table (on L's stack top, just above them when L == L1). */
static void db_take_stack_result(lua_State *L, lua_State *L1, const char *field) {
  if (L == L1)
    lua_rotate(L, -2, 1);
  else
    lua_xmove(L1, L, 1);
  lua_setfield(L, -2, field);
}

static int db_getinfo(lua_State *L) {
  lua_Debug ar;
  int arg;
  lua_State *L1 = db_get_thread(L, &arg);
  const char *options = luaL_optstring(L, arg + 2, "flnSrtu");
  db_check_stack(L, L1, 3);
  luaL_argcheck(L, options[0] != '>', arg + 2, "invalid option '>'");
  if (lua_isfunction(L, arg + 1)) {
    options = lua_pushfstring(L, ">%s", options);
    lua_pushvalue(L, arg + 1);
    lua_xmove(L, L1, 1);
  } else if (!lua_getstack(L1, (int)luaL_checkinteger(L, arg + 1), &ar)) {
    luaL_pushfail(L); /* level out of range */
    return 1;
  }
  if (!lua_getinfo(L1, options, &ar)) return luaL_argerror(L, arg + 2, "invalid option");
  lua_newtable(L);
  if (strchr(options, 'S')) {
    lua_pushlstring(L, ar.source, ar.srclen);
    lua_setfield(L, -2, "source");
    db_set_string(L, "short_src", ar.short_src);
    db_set_int(L, "linedefined", ar.linedefined);
    db_set_int(L, "lastlinedefined", ar.lastlinedefined);
    db_set_string(L, "what", ar.what);
  }
  if (strchr(options, 'l')) db_set_int(L, "currentline", ar.currentline);
  if (strchr(options, 'u')) {
    db_set_int(L, "nups", ar.nups);
    db_set_int(L, "nparams", ar.nparams);
    db_set_bool(L, "isvararg", ar.isvararg);
  }
  if (strchr(options, 'n')) {
    db_set_string(L, "name", ar.name);
    db_set_string(L, "namewhat", ar.namewhat);
  }
  if (strchr(options, 'r')) {
    db_set_int(L, "ftransfer", ar.ftransfer);
    db_set_int(L, "ntransfer", ar.ntransfer);
  }
  if (strchr(options, 't')) db_set_bool(L, "istailcall", ar.istailcall);
  /* lua_getinfo pushed 'f' then 'L': take them from the top down */
  if (strchr(options, 'L')) db_take_stack_result(L, L1, "activelines");
  if (strchr(options, 'f')) db_take_stack_result(L, L1, "func");
  return 1;
}

static int db_getlocal(lua_State *L) {
  int arg;
  lua_State *L1 = db_get_thread(L, &arg);
  int nvar = (int)luaL_checkinteger(L, arg + 2);
  if (lua_isfunction(L, arg + 1)) { /* parameter names of a function: no values */
    lua_pushvalue(L, arg + 1);
    lua_pushstring(L, lua_getlocal(L, NULL, nvar));
    return 1;
  }
  lua_Debug ar;
  int level = (int)luaL_checkinteger(L, arg + 1);
  if (!lua_getstack(L1, level, &ar)) return luaL_argerror(L, arg + 1, "level out of range");
  db_check_stack(L, L1, 1);
  const char *name = lua_getlocal(L1, &ar, nvar);
  if (name == NULL) {
    luaL_pushfail(L);
    return 1;
  }
  lua_xmove(L1, L, 1);
  lua_pushstring(L, name);
  lua_rotate(L, -2, 1);
  return 2;
}

static int db_setlocal(lua_State *L) {
  int arg;
  lua_State *L1 = db_get_thread(L, &arg);
  lua_Debug ar;
  int level = (int)luaL_checkinteger(L, arg + 1);
  int nvar = (int)luaL_checkinteger(L, arg + 2);
  if (!lua_getstack(L1, level, &ar)) return luaL_argerror(L, arg + 1, "level out of range");
  luaL_checkany(L, arg + 3);
  lua_settop(L, arg + 3);
  db_check_stack(L, L1, 1);
  lua_xmove(L, L1, 1);
  const char *name = lua_setlocal(L1, &ar, nvar);
  if (name == NULL) lua_pop(L1, 1); /* lua_setlocal pops the value only on success */
  lua_pushstring(L, name);
  return 1;
}

/* getupvalue returns name and value; setupvalue returns the name. */
static int db_aux_upvalue(lua_State *L, int get) {
  int n = (int)luaL_checkinteger(L, 2);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  const char *name = get ? lua_getupvalue(L, 1, n) : lua_setupvalue(L, 1, n);
  if (name == NULL) return 0;
  lua_pushstring(L, name);
  lua_insert(L, -(get + 1));
  return get + 1;
}

static int db_getupvalue(lua_State *L) { return db_aux_upvalue(L, 1); }

static int db_setupvalue(lua_State *L) {
  luaL_checkany(L, 3);
  return db_aux_upvalue(L, 0);
}

/* The identity of upvalue (argf, argnup); when pnup is given the index must be
 * valid and is stored there. */
static void *db_check_upvalue(lua_State *L, int argf, int argnup, int *pnup) {
  int nup = (int)luaL_checkinteger(L, argnup);
  luaL_checktype(L, argf, LUA_TFUNCTION);
  void *id = lua_upvalueid(L, argf, nup);
  if (pnup != NULL) {
    luaL_argcheck(L, id != NULL, argnup, "invalid upvalue index");
    *pnup = nup;
  }
  return id;
}

static int db_upvalueid(lua_State *L) {
  void *id = db_check_upvalue(L, 1, 2, NULL);
  if (id != NULL)
    lua_pushlightuserdata(L, id);
  else
    luaL_pushfail(L);
  return 1;
}

static int db_upvaluejoin(lua_State *L) {
  int n1, n2;
  db_check_upvalue(L, 1, 2, &n1);
  db_check_upvalue(L, 3, 4, &n2);
  luaL_argcheck(L, !lua_iscfunction(L, 1), 1, "Lua function expected");
  luaL_argcheck(L, !lua_iscfunction(L, 3), 3, "Lua function expected");
  lua_upvaluejoin(L, 1, n1, 3, n2);
  return 0;
}

/* ---- hooks ---- */

/* The C hook installed for Lua hooks: calls the thread's hook function with the
 * event name and, for line events, the line. */
static void db_hook(lua_State *L, lua_Debug *ar) {
  static const char *const event_names[] = {"call", "return", "line", "count",
                                            "tail call"};
  lua_getfield(L, LUA_REGISTRYINDEX, DB_HOOKKEY);
  lua_pushthread(L);
  if (lua_rawget(L, -2) == LUA_TFUNCTION) {
    lua_pushstring(L, event_names[ar->event]);
    if (ar->currentline >= 0)
      lua_pushinteger(L, ar->currentline);
    else
      lua_pushnil(L);
    lua_call(L, 2, 0);
  }
}

static int db_make_mask(const char *smask, int count) {
  int mask = 0;
  if (strchr(smask, 'c')) mask |= LUA_MASKCALL;
  if (strchr(smask, 'r')) mask |= LUA_MASKRET;
  if (strchr(smask, 'l')) mask |= LUA_MASKLINE;
  if (count > 0) mask |= LUA_MASKCOUNT;
  return mask;
}

static char *db_unmake_mask(int mask, char *smask) {
  int i = 0;
  if (mask & LUA_MASKCALL) smask[i++] = 'c';
  if (mask & LUA_MASKRET) smask[i++] = 'r';
  if (mask & LUA_MASKLINE) smask[i++] = 'l';
  smask[i] = '\0';
  return smask;
}

static int db_sethook(lua_State *L) {
  int arg, mask, count;
  lua_Hook func;
  lua_State *L1 = db_get_thread(L, &arg);
  if (lua_isnoneornil(L, arg + 1)) {
    lua_settop(L, arg + 1);
    func = NULL;
    mask = 0;
    count = 0;
  } else {
    const char *smask = luaL_checkstring(L, arg + 2);
    luaL_checktype(L, arg + 1, LUA_TFUNCTION);
    count = (int)luaL_optinteger(L, arg + 3, 0);
    func = db_hook;
    mask = db_make_mask(smask, count);
  }
  if (!luaL_getsubtable(L, LUA_REGISTRYINDEX, DB_HOOKKEY)) {
    lua_pushliteral(L, "k"); /* new table: make its keys weak */
    lua_setfield(L, -2, "__mode");
    lua_pushvalue(L, -1);
    lua_setmetatable(L, -2);
  }
  db_check_stack(L, L1, 1);
  lua_pushthread(L1);
  lua_xmove(L1, L, 1);
  lua_pushvalue(L, arg + 1);
  lua_rawset(L, -3);
  lua_sethook(L1, func, mask, count);
  return 0;
}

static int db_gethook(lua_State *L) {
  int arg;
  lua_State *L1 = db_get_thread(L, &arg);
  char buff[5];
  int mask = lua_gethookmask(L1);
  lua_Hook hook = lua_gethook(L1);
  if (hook == NULL) {
    luaL_pushfail(L);
    return 1;
  }
  if (hook != db_hook) {
    lua_pushliteral(L, "external hook");
  } else {
    lua_getfield(L, LUA_REGISTRYINDEX, DB_HOOKKEY);
    db_check_stack(L, L1, 1);
    lua_pushthread(L1);
    lua_xmove(L1, L, 1);
    lua_rawget(L, -2);
    lua_remove(L, -2);
  }
  lua_pushstring(L, db_unmake_mask(mask, buff));
  lua_pushinteger(L, lua_gethookcount(L1));
  return 3;
}

/* debug.debug: a minimal command loop on stdin/stderr; "cont" or end of input
 * returns to the caller. */
static int db_debug(lua_State *L) {
  for (;;) {
    char buffer[250];
    lua_writestringerror("%s", "lua_debug> ");
    if (fgets(buffer, sizeof buffer, stdin) == NULL || strcmp(buffer, "cont\n") == 0)
      return 0;
    if (luaL_loadbuffer(L, buffer, strlen(buffer), "=(debug command)") ||
        lua_pcall(L, 0, 0, 0))
      lua_writestringerror("%s\n", luaL_tolstring(L, -1, NULL));
    lua_settop(L, 0);
  }
}

static int db_traceback(lua_State *L) {
  int arg;
  lua_State *L1 = db_get_thread(L, &arg);
  const char *msg = lua_tostring(L, arg + 1);
  if (msg == NULL && !lua_isnoneornil(L, arg + 1)) { /* a non-string message: as is */
    lua_pushvalue(L, arg + 1);
  } else {
    int level = (int)luaL_optinteger(L, arg + 2, L == L1 ? 1 : 0);
    luaL_traceback(L, L1, msg, level);
  }
  return 1;
}

static int db_setcstacklimit(lua_State *L) {
  int limit = (int)luaL_checkinteger(L, 1);
  lua_pushinteger(L, lua_setcstacklimit(L, (unsigned int)limit));
  return 1;
}

static const luaL_Reg db_funcs[] = {
  {"debug", db_debug},
  {"getuservalue", db_getuservalue},
  {"gethook", db_gethook},
  {"getinfo", db_getinfo},
  {"getlocal", db_getlocal},
  {"getregistry", db_getregistry},
  {"getmetatable", db_getmetatable},
  {"getupvalue", db_getupvalue},
  {"upvaluejoin", db_upvaluejoin},
  {"upvalueid", db_upvalueid},
  {"setuservalue", db_setuservalue},
  {"sethook", db_sethook},
  {"setlocal", db_setlocal},
  {"setmetatable", db_setmetatable},
  {"setupvalue", db_setupvalue},
  {"traceback", db_traceback},
  {"setcstacklimit", db_setcstacklimit},
  {NULL, NULL}
};

LUAMOD_API int luaopen_debug(lua_State *L) {
  luaL_newlib(L, db_funcs);
  return 1;
}
