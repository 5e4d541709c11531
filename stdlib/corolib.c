/* The coroutine library: create, resume, yield, status, wrap, isyieldable, running,
 * close. Coroutines are Cove threads (lua_State) whose frames live on their own heap
 * stacks; this file only moves values between the caller's and the coroutine's stacks
 * and reports status with lua5.4's words and messages. */
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static lua_State *get_co(lua_State *L) {
  lua_State *co = lua_tothread(L, 1);
  luaL_argexpected(L, co, 1, "thread");
  return co;
}

/* Resumes co with narg values from L's top. Returns the number of results moved to
 * L, or -1 with the error message on L's top. */
static int aux_resume(lua_State *L, lua_State *co, int narg) {
  int status, nres;
  if (!lua_checkstack(co, narg)) {
    lua_pushliteral(L, "too many arguments to resume");
    return -1;
  }
  lua_xmove(L, co, narg);
  status = lua_resume(co, L, narg, &nres);
  if (status == LUA_OK || status == LUA_YIELD) {
    if (!lua_checkstack(L, nres + 1)) {
      lua_pop(co, nres);
      lua_pushliteral(L, "too many results to resume");
      return -1;
    }
    lua_xmove(co, L, nres);
    return nres;
  }
  lua_xmove(co, L, 1);  /* the error object */
  return -1;
}

static int co_resume(lua_State *L) {
  lua_State *co = get_co(L);
  int r = aux_resume(L, co, lua_gettop(L) - 1);
  if (r < 0) {
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;  /* false + error message */
  }
  lua_pushboolean(L, 1);
  lua_insert(L, -(r + 1));
  return r + 1;  /* true + values */
}

/* A wrapped coroutine propagates its errors, closing its pending to-be-closed
 * variables first and adding position information to string messages. */
static int co_wrapped(lua_State *L) {
  lua_State *co = lua_tothread(L, lua_upvalueindex(1));
  int r = aux_resume(L, co, lua_gettop(L));
  if (r < 0) {
    int stat = lua_status(co);
    if (stat != LUA_OK && stat != LUA_YIELD) {  /* error in the coroutine */
      stat = lua_closethread(co, L);
      lua_xmove(co, L, 1);
    }
    if (stat != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
      luaL_where(L, 1);
      lua_insert(L, -2);
      lua_concat(L, 2);
    }
    return lua_error(L);
  }
  return r;
}

static int co_create(lua_State *L) {
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_State *NL = lua_newthread(L);
  lua_pushvalue(L, 1);
  lua_xmove(L, NL, 1);  /* the body goes to the new thread */
  return 1;
}

static int co_wrap(lua_State *L) {
  co_create(L);
  lua_pushcclosure(L, co_wrapped, 1);
  return 1;
}

static int co_yield(lua_State *L) {
  return lua_yield(L, lua_gettop(L));
}

enum { COS_RUN, COS_DEAD, COS_YIELD, COS_NORM };

static const char *const status_names[] = {"running", "dead", "suspended", "normal"};

static int aux_status(lua_State *L, lua_State *co) {
  if (L == co)
    return COS_RUN;
  switch (lua_status(co)) {
    case LUA_YIELD:
      return COS_YIELD;
    case LUA_OK: {
      lua_Debug ar;
      if (lua_getstack(co, 0, &ar))
        return COS_NORM;  /* it resumed another coroutine */
      if (lua_gettop(co) == 0)
        return COS_DEAD;
      return COS_YIELD;  /* not started yet */
    }
    default:
      return COS_DEAD;  /* finished with an error */
  }
}

static int co_status(lua_State *L) {
  lua_State *co = get_co(L);
  lua_pushstring(L, status_names[aux_status(L, co)]);
  return 1;
}

static int co_isyieldable(lua_State *L) {
  lua_State *co = lua_isnone(L, 1) ? L : get_co(L);
  lua_pushboolean(L, lua_isyieldable(co));
  return 1;
}

static int co_running(lua_State *L) {
  int ismain = lua_pushthread(L);
  lua_pushboolean(L, ismain);
  return 2;
}

static int co_close(lua_State *L) {
  lua_State *co = get_co(L);
  int status = aux_status(L, co);
  switch (status) {
    case COS_DEAD: case COS_YIELD:
      status = lua_closethread(co, L);
      if (status == LUA_OK) {
        lua_pushboolean(L, 1);
        return 1;
      }
      lua_pushboolean(L, 0);
      lua_xmove(co, L, 1);  /* the error object */
      return 2;
    default:
      return luaL_error(L, "cannot close a %s coroutine", status_names[status]);
  }
}

static const luaL_Reg co_funcs[] = {
  {"create", co_create},
  {"resume", co_resume},
  {"running", co_running},
  {"status", co_status},
  {"wrap", co_wrap},
  {"yield", co_yield},
  {"isyieldable", co_isyieldable},
  {"close", co_close},
  {NULL, NULL}
};

int luaopen_coroutine(lua_State *L) {
  luaL_newlib(L, co_funcs);
  return 1;
}
