/* The basic library (luaopen_base): print, type, tostring, tonumber, pairs/ipairs,
 * metatables, raw access, errors and protected calls, load/loadfile/dofile,
 * collectgarbage, warn. Written against the public API with lua5.4's behaviour and
 * messages; pcall, xpcall, dofile and pairs use continuations so they can yield. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static int base_print(lua_State *L) {
  int n = lua_gettop(L);
  for (int i = 1; i <= n; i++) {
    size_t l;
    const char *s = luaL_tolstring(L, i, &l);
    if (i > 1)
      lua_writestring("\t", 1);
    lua_writestring(s, l);
    lua_pop(L, 1);
  }
  lua_writeline();
  return 0;
}

/* warn(msg1, ...): every argument must be a string; the pieces form one message. */
static int base_warn(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checkstring(L, 1);
  for (int i = 2; i <= n; i++)
    luaL_checkstring(L, i);
  for (int i = 1; i < n; i++)
    lua_warning(L, lua_tostring(L, i), 1);
  lua_warning(L, lua_tostring(L, n), 0);
  return 0;
}

#define SPACECHARS " \f\n\r\t\v"

/* Integer numeral in `base` (2..36) with optional sign and surrounding spaces;
 * returns the end of what was read, or NULL. Wraps around on overflow as lua5.4 does. */
static const char *str_to_int(const char *s, int base, lua_Integer *pn) {
  lua_Unsigned n = 0;
  int neg = 0;
  s += strspn(s, SPACECHARS);
  if (*s == '-') {
    s++;
    neg = 1;
  } else if (*s == '+') {
    s++;
  }
  if (!isalnum((unsigned char)*s))
    return NULL;
  do {
    int digit = isdigit((unsigned char)*s) ? *s - '0'
                                           : (toupper((unsigned char)*s) - 'A') + 10;
    if (digit >= base)
      return NULL;
    n = n * (lua_Unsigned)base + (lua_Unsigned)digit;
    s++;
  } while (isalnum((unsigned char)*s));
  s += strspn(s, SPACECHARS);
  *pn = (lua_Integer)(neg ? (0u - n) : n);
  return s;
}

static int base_tonumber(lua_State *L) {
  if (lua_isnoneornil(L, 2)) {
    if (lua_type(L, 1) == LUA_TNUMBER) {
      lua_settop(L, 1);
      return 1;
    }
    size_t l;
    const char *s = lua_tolstring(L, 1, &l);
    if (s != NULL && lua_stringtonumber(L, s) == l + 1)
      return 1;  /* the whole string was a numeral */
    luaL_checkany(L, 1);
  } else {
    size_t l;
    lua_Integer n = 0;
    lua_Integer base = luaL_checkinteger(L, 2);
    luaL_checktype(L, 1, LUA_TSTRING);
    const char *s = lua_tolstring(L, 1, &l);
    luaL_argcheck(L, 2 <= base && base <= 36, 2, "base out of range");
    if (str_to_int(s, (int)base, &n) == s + l) {
      lua_pushinteger(L, n);
      return 1;
    }
  }
  luaL_pushfail(L);
  return 1;
}

static int base_error(lua_State *L) {
  int level = (int)luaL_optinteger(L, 2, 1);
  lua_settop(L, 1);
  if (lua_type(L, 1) == LUA_TSTRING && level > 0) {
    luaL_where(L, level);  /* position information is added to strings only */
    lua_pushvalue(L, 1);
    lua_concat(L, 2);
  }
  return lua_error(L);
}

static int base_getmetatable(lua_State *L) {
  luaL_checkany(L, 1);
  if (!lua_getmetatable(L, 1)) {
    lua_pushnil(L);
    return 1;
  }
  luaL_getmetafield(L, 1, "__metatable");  /* a protected metatable shows this instead */
  return 1;
}

static int base_setmetatable(lua_State *L) {
  int t = lua_type(L, 2);
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
  if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
    return luaL_error(L, "cannot change a protected metatable");
  lua_settop(L, 2);
  lua_setmetatable(L, 1);
  return 1;
}

static int base_rawequal(lua_State *L) {
  luaL_checkany(L, 1);
  luaL_checkany(L, 2);
  lua_pushboolean(L, lua_rawequal(L, 1, 2));
  return 1;
}

static int base_rawlen(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argexpected(L, t == LUA_TTABLE || t == LUA_TSTRING, 1, "table or string");
  lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
  return 1;
}

static int base_rawget(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  lua_settop(L, 2);
  lua_rawget(L, 1);
  return 1;
}

static int base_rawset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  lua_settop(L, 3);
  lua_rawset(L, 1);
  return 1;
}

static int push_gcmode(lua_State *L, int oldmode) {
  if (oldmode == -1)
    luaL_pushfail(L);  /* invalid call (inside a finalizer) */
  else
    lua_pushstring(L, oldmode == LUA_GCINC ? "incremental" : "generational");
  return 1;
}

/* Zero the C stack where the frames of collectgarbage's work will lie. libgc scans
 * the C stack conservatively, slots a frame never writes included, so a word left
 * there by an earlier deep call (a table constructor, the compiler) would keep a dead
 * object alive through "collect". Sanitizer builds, whose frames are larger and
 * padded with never-written redzones, show it most; see spec/testing.md. */
#if defined(__GNUC__)
#define NO_ASAN __attribute__((no_sanitize_address))  /* no redzones left uncleared */
#else
#define NO_ASAN
#endif

static __attribute__((noinline)) NO_ASAN void clear_cstack_below(void) {
  volatile char area[8192];
  memset((char *)area, 0, sizeof(area));
  __asm__ volatile("" : : "r"(area) : "memory");
}

static __attribute__((noinline)) int collectgarbage_aux(lua_State *L);

static int base_collectgarbage(lua_State *L) {
  clear_cstack_below();
  return collectgarbage_aux(L);
}

static __attribute__((noinline)) int collectgarbage_aux(lua_State *L) {
  static const char *const opts[] = {
    "stop", "restart", "collect", "count", "step", "setpause", "setstepmul",
    "isrunning", "generational", "incremental", NULL
  };
  static const int optsnum[] = {
    LUA_GCSTOP, LUA_GCRESTART, LUA_GCCOLLECT, LUA_GCCOUNT, LUA_GCSTEP, LUA_GCSETPAUSE,
    LUA_GCSETSTEPMUL, LUA_GCISRUNNING, LUA_GCGEN, LUA_GCINC
  };
  int o = optsnum[luaL_checkoption(L, 1, "collect", opts)];
  int res;
  switch (o) {
    case LUA_GCCOUNT: {
      int k = lua_gc(L, o);
      int b = lua_gc(L, LUA_GCCOUNTB);
      if (k == -1)
        break;
      lua_pushnumber(L, (lua_Number)k + ((lua_Number)b / 1024));
      return 1;
    }
    case LUA_GCSTEP: {
      int step = (int)luaL_optinteger(L, 2, 0);
      res = lua_gc(L, o, step);
      if (res == -1)
        break;
      lua_pushboolean(L, res);
      return 1;
    }
    case LUA_GCSETPAUSE: case LUA_GCSETSTEPMUL: {
      int p = (int)luaL_optinteger(L, 2, 0);
      res = lua_gc(L, o, p);
      if (res == -1)
        break;
      lua_pushinteger(L, res);
      return 1;
    }
    case LUA_GCISRUNNING:
      res = lua_gc(L, o);
      if (res == -1)
        break;
      lua_pushboolean(L, res);
      return 1;
    case LUA_GCGEN: {
      int minormul = (int)luaL_optinteger(L, 2, 0);
      int majormul = (int)luaL_optinteger(L, 3, 0);
      return push_gcmode(L, lua_gc(L, o, minormul, majormul));
    }
    case LUA_GCINC: {
      int pause = (int)luaL_optinteger(L, 2, 0);
      int stepmul = (int)luaL_optinteger(L, 3, 0);
      int stepsize = (int)luaL_optinteger(L, 4, 0);
      return push_gcmode(L, lua_gc(L, o, pause, stepmul, stepsize));
    }
    default:
      /* The unused zero arguments are deliberate: lua_gc is variadic, so its prologue
       * saves every argument register to the C stack, and a register left holding a
       * dead object's address by earlier code would then keep that object alive
       * through "collect" (a conservative root). Passing zeros clears them. */
      res = lua_gc(L, o, 0, 0, 0, 0);
      if (res == -1)
        break;
      lua_pushinteger(L, res);
      return 1;
  }
  luaL_pushfail(L);
  return 1;
}

/* vm/api.c: pushes lua_typename(L, t) from strings made once per state. */
void luai_pushtypename(lua_State *L, int t);

static int base_type(lua_State *L) {
  int t = lua_type(L, 1);
  luaL_argcheck(L, t != LUA_TNONE, 1, "value expected");
  luai_pushtypename(L, t);
  return 1;
}

static int base_next(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);  /* a missing key means the first one */
  if (lua_next(L, 1))
    return 2;
  lua_pushnil(L);
  return 1;
}

static int pairs_cont(lua_State *L, int status, lua_KContext k) {
  (void)L; (void)status; (void)k;
  return 3;
}

static int base_pairs(lua_State *L) {
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") == LUA_TNIL) {
    lua_pushcfunction(L, base_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
  } else {
    lua_pushvalue(L, 1);
    lua_callk(L, 1, 3, 0, pairs_cont);  /* __pairs(t) gives the three values */
  }
  return 3;
}

/* The iterator of ipairs: stops at the first nil, honouring __index. */
static int ipairs_aux(lua_State *L) {
  lua_Integer i = luaL_checkinteger(L, 2);
  i = luaL_intop(+, i, 1);
  lua_pushinteger(L, i);
  return lua_geti(L, 1, i) == LUA_TNIL ? 1 : 2;
}

static int base_ipairs(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushcfunction(L, ipairs_aux);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

/* Common end of load/loadfile: set the environment upvalue, or turn an error into
 * the usual (fail, message) pair. */
static int load_finish(lua_State *L, int status, int envidx) {
  if (status == LUA_OK) {
    if (envidx != 0) {
      lua_pushvalue(L, envidx);
      if (!lua_setupvalue(L, -2, 1))  /* no upvalue: nothing to set */
        lua_pop(L, 1);
    }
    return 1;
  }
  luaL_pushfail(L);
  lua_insert(L, -2);
  return 2;
}

static int base_loadfile(lua_State *L) {
  const char *fname = luaL_optstring(L, 1, NULL);
  const char *mode = luaL_optstring(L, 2, NULL);
  int env = !lua_isnone(L, 3) ? 3 : 0;
  int status = luaL_loadfilex(L, fname, mode);
  return load_finish(L, status, env);
}

/* Stack slot where the reader keeps the last piece, so it is not collected while the
 * loader copies it. */
#define RESERVEDSLOT 5

static const char *generic_reader(lua_State *L, void *ud, size_t *size) {
  (void)ud;
  luaL_checkstack(L, 2, "too many nested functions");
  lua_pushvalue(L, 1);
  lua_call(L, 0, 1);
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    *size = 0;
    return NULL;
  }
  if (!lua_isstring(L, -1))
    luaL_error(L, "reader function must return a string");
  lua_replace(L, RESERVEDSLOT);
  return lua_tolstring(L, RESERVEDSLOT, size);
}

static int base_load(lua_State *L) {
  int status;
  size_t l;
  const char *s = lua_tolstring(L, 1, &l);
  const char *mode = luaL_optstring(L, 3, "bt");
  int env = !lua_isnone(L, 4) ? 4 : 0;
  if (s != NULL) {
    const char *chunkname = luaL_optstring(L, 2, s);
    status = luaL_loadbufferx(L, s, l, chunkname, mode);
  } else {
    const char *chunkname = luaL_optstring(L, 2, "=(load)");
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_settop(L, RESERVEDSLOT);
    status = lua_load(L, generic_reader, NULL, chunkname, mode);
  }
  return load_finish(L, status, env);
}

static int dofile_cont(lua_State *L, int status, lua_KContext k) {
  (void)status; (void)k;
  return lua_gettop(L) - 1;
}

static int base_dofile(lua_State *L) {
  const char *fname = luaL_optstring(L, 1, NULL);
  lua_settop(L, 1);
  if (luaL_loadfile(L, fname) != LUA_OK)
    return lua_error(L);
  lua_callk(L, 0, LUA_MULTRET, 0, dofile_cont);
  return dofile_cont(L, 0, 0);
}

static int base_assert(lua_State *L) {
  if (lua_toboolean(L, 1))
    return lua_gettop(L);  /* all arguments are the results */
  luaL_checkany(L, 1);
  lua_remove(L, 1);
  lua_pushliteral(L, "assertion failed!");  /* default message */
  lua_settop(L, 1);  /* keep the user's message if there is one */
  return base_error(L);
}

static int base_select(lua_State *L) {
  int n = lua_gettop(L);
  if (lua_type(L, 1) == LUA_TSTRING && *lua_tostring(L, 1) == '#') {
    lua_pushinteger(L, n - 1);
    return 1;
  }
  lua_Integer i = luaL_checkinteger(L, 1);
  if (i < 0)
    i = n + i;
  else if (i > n)
    i = n;
  luaL_argcheck(L, 1 <= i, 1, "index out of range");
  return n - (int)i;
}

/* Continuation of pcall/xpcall, and their normal return: `extra` values below the
 * results (the true of pcall, plus the handler of xpcall) are not results. */
static int finish_pcall(lua_State *L, int status, lua_KContext extra) {
  if (status != LUA_OK && status != LUA_YIELD) {
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);  /* the error object */
    return 2;
  }
  return lua_gettop(L) - (int)extra;
}

static int base_pcall(lua_State *L) {
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);  /* first result if no errors */
  lua_insert(L, 1);
  int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
  return finish_pcall(L, status, 0);
}

static int base_xpcall(lua_State *L) {
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushboolean(L, 1);  /* first result */
  lua_pushvalue(L, 1);    /* function */
  lua_rotate(L, 3, 2);    /* move them below the function's arguments */
  int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, finish_pcall);
  return finish_pcall(L, status, 2);
}

static int base_tostring(lua_State *L) {
  luaL_checkany(L, 1);
  luaL_tolstring(L, 1, NULL);
  return 1;
}

static const luaL_Reg base_funcs[] = {
  {"assert", base_assert},
  {"collectgarbage", base_collectgarbage},
  {"dofile", base_dofile},
  {"error", base_error},
  {"getmetatable", base_getmetatable},
  {"ipairs", base_ipairs},
  {"loadfile", base_loadfile},
  {"load", base_load},
  {"next", base_next},
  {"pairs", base_pairs},
  {"pcall", base_pcall},
  {"print", base_print},
  {"warn", base_warn},
  {"rawequal", base_rawequal},
  {"rawlen", base_rawlen},
  {"rawget", base_rawget},
  {"rawset", base_rawset},
  {"select", base_select},
  {"setmetatable", base_setmetatable},
  {"tonumber", base_tonumber},
  {"tostring", base_tostring},
  {"type", base_type},
  {"xpcall", base_xpcall},
  /* placeholders */
  {LUA_GNAME, NULL},
  {"_VERSION", NULL},
  {NULL, NULL}
};

int luaopen_base(lua_State *L) {
  lua_pushglobaltable(L);
  luaL_setfuncs(L, base_funcs, 0);
  lua_pushvalue(L, -1);
  lua_setfield(L, -2, LUA_GNAME);  /* _G._G = _G */
  lua_pushliteral(L, LUA_VERSION);
  lua_setfield(L, -2, "_VERSION");
  return 1;
}
