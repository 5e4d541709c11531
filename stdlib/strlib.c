/* The string library: luaopen_string, the functions that need no pattern or format
 * machinery (len, sub, reverse, lower, upper, rep, byte, char, dump), and the string
 * metatable (__index = string, plus the arithmetic metamethods through which Lua 5.4
 * coerces numeric strings). Patterns live in lpattern.c, string.format in
 * strformat.c, pack/unpack in strpack.c. Written against the public C API only. */
#include <ctype.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#include "strlib_internal.h"

size_t strlib_start_pos(lua_Integer pos, size_t len) {
  if (pos > 0)
    return (size_t)pos;
  if (pos == 0)
    return 1;
  /* Compare against -len rather than negating pos: -mininteger overflows. */
  if (pos < -(lua_Integer)len)
    return 1;
  return len + (size_t)pos + 1;
}

size_t strlib_end_pos(lua_State *L, int arg, lua_Integer def, size_t len) {
  lua_Integer pos = luaL_optinteger(L, arg, def);
  if (pos > (lua_Integer)len)
    return len;
  if (pos >= 0)
    return (size_t)pos;
  if (pos < -(lua_Integer)len)
    return 0;
  return len + (size_t)pos + 1;
}

static int str_len(lua_State *L) {
  size_t len;
  luaL_checklstring(L, 1, &len);
  lua_pushinteger(L, (lua_Integer)len);
  return 1;
}

static int str_sub(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  size_t first = strlib_start_pos(luaL_checkinteger(L, 2), len);
  size_t last = strlib_end_pos(L, 3, -1, len);
  if (first > last)
    lua_pushliteral(L, "");
  else
    lua_pushlstring(L, s + first - 1, last - first + 1);
  return 1;
}

static int str_reverse(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, len);
  STRLIB_CHARGE_FUEL(L, len);
  for (size_t i = 0; i < len; i++)
    out[i] = s[len - 1 - i];
  luaL_pushresultsize(&b, len);
  return 1;
}

/* lower and upper map byte by byte through the C locale's tables, as lua5.4 does. */
static int str_map_case(lua_State *L, int (*convert)(int)) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, len);
  STRLIB_CHARGE_FUEL(L, len);
  for (size_t i = 0; i < len; i++)
    out[i] = (char)convert((unsigned char)s[i]);
  luaL_pushresultsize(&b, len);
  return 1;
}

static int str_lower(lua_State *L) {
  return str_map_case(L, tolower);
}

static int str_upper(lua_State *L) {
  return str_map_case(L, toupper);
}

static int str_rep(lua_State *L) {
  size_t len, seplen;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer count = luaL_checkinteger(L, 2);
  const char *sep = luaL_optlstring(L, 3, "", &seplen);
  if (count <= 0) {
    lua_pushliteral(L, "");
    return 1;
  }
  /* The piece (copy plus separator) times the count must stay within the limit;
   * dividing the limit avoids overflowing the multiplication. */
  if (len + seplen < len || len + seplen > STRLIB_MAXSIZE / (size_t)count)
    return luaL_error(L, "resulting string too large");
  size_t total = (size_t)count * len + (size_t)(count - 1) * seplen;
  if (total == 0) {   /* lua5.4 would spin through the count copying nothing */
    lua_pushliteral(L, "");
    return 1;
  }
  STRLIB_CHARGE_FUEL(L, total);
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, total);
  for (lua_Integer i = 0; i < count; i++) {
    if (i > 0 && seplen > 0) {
      memcpy(out, sep, seplen);
      out += seplen;
    }
    memcpy(out, s, len);
    out += len;
  }
  luaL_pushresultsize(&b, total);
  return 1;
}

static int str_byte(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer first_arg = luaL_optinteger(L, 2, 1);
  size_t first = strlib_start_pos(first_arg, len);
  size_t last = strlib_end_pos(L, 3, first_arg, len);
  if (first > last)
    return 0;
  if (last - first >= (size_t)INT_MAX)
    return luaL_error(L, "string slice too long");
  int n = (int)(last - first) + 1;
  luaL_checkstack(L, n, "string slice too long");
  for (int i = 0; i < n; i++)
    lua_pushinteger(L, (unsigned char)s[first - 1 + (size_t)i]);
  return n;
}

static int str_char(lua_State *L) {
  int n = lua_gettop(L);
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, (size_t)n);
  for (int i = 1; i <= n; i++) {
    lua_Unsigned code = (lua_Unsigned)luaL_checkinteger(L, i);
    luaL_argcheck(L, code <= (lua_Unsigned)UCHAR_MAX, i, "value out of range");
    out[i - 1] = (char)(unsigned char)code;
  }
  luaL_pushresultsize(&b, (size_t)n);
  return 1;
}

/* string.dump collects lua_dump's pieces in a buffer. The buffer is opened on the
 * first piece, not before the call: luaL_buffinit may push onto the stack, and
 * lua_dump wants the function on top. */
typedef struct DumpState {
  int opened;
  luaL_Buffer b;
} DumpState;

static int str_dump_writer(lua_State *L, const void *piece, size_t size, void *ud) {
  DumpState *ds = (DumpState *)ud;
  if (!ds->opened) {
    ds->opened = 1;
    luaL_buffinit(L, &ds->b);
  }
  luaL_addlstring(&ds->b, (const char *)piece, size);
  return 0;
}

static int str_dump(lua_State *L) {
  int strip = lua_toboolean(L, 2);
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  DumpState ds;
  ds.opened = 0;
  if (lua_dump(L, str_dump_writer, &ds, strip) != 0)
    return luaL_error(L, "unable to dump given function");
  if (ds.opened)
    luaL_pushresult(&ds.b);
  else
    lua_pushliteral(L, "");
  return 1;
}

/* ---- arithmetic on strings ----
 * Lua 5.4 converts strings to numbers in arithmetic through these metamethods, not in
 * the VM. An operand converts when it is a number or a string that reads entirely as
 * a numeral; the converted value is pushed. */
static int str_arith_operand(lua_State *L, int arg) {
  if (lua_type(L, arg) == LUA_TNUMBER) {
    lua_pushvalue(L, arg);
    return 1;
  }
  size_t len;
  const char *s = lua_tolstring(L, arg, &len);
  return s != NULL && lua_stringtonumber(L, s) == len + 1;
}

/* Neither conversion worked: defer to the other operand's metamethod when it is not a
 * string and has one (e.g. "1" + obj with obj.__add), else fail with lua5.4's message. */
static void str_arith_fallback(lua_State *L, const char *event) {
  lua_settop(L, 2);
  if (lua_type(L, 2) == LUA_TSTRING || !luaL_getmetafield(L, 2, event))
    luaL_error(L, "attempt to %s a '%s' with a '%s'", event + 2,
               luaL_typename(L, -2), luaL_typename(L, -1));
  lua_insert(L, -3);
  lua_call(L, 2, 1);
}

static int str_arith(lua_State *L, int op, const char *event) {
  if (str_arith_operand(L, 1) && str_arith_operand(L, 2))
    lua_arith(L, op);
  else
    str_arith_fallback(L, event);
  return 1;
}

static int str_add(lua_State *L) { return str_arith(L, LUA_OPADD, "__add"); }
static int str_sub_mm(lua_State *L) { return str_arith(L, LUA_OPSUB, "__sub"); }
static int str_mul(lua_State *L) { return str_arith(L, LUA_OPMUL, "__mul"); }
static int str_mod(lua_State *L) { return str_arith(L, LUA_OPMOD, "__mod"); }
static int str_pow(lua_State *L) { return str_arith(L, LUA_OPPOW, "__pow"); }
static int str_div(lua_State *L) { return str_arith(L, LUA_OPDIV, "__div"); }
static int str_idiv(lua_State *L) { return str_arith(L, LUA_OPIDIV, "__idiv"); }
static int str_unm(lua_State *L) { return str_arith(L, LUA_OPUNM, "__unm"); }

static const luaL_Reg str_metamethods[] = {
  {"__add", str_add},
  {"__sub", str_sub_mm},
  {"__mul", str_mul},
  {"__mod", str_mod},
  {"__pow", str_pow},
  {"__div", str_div},
  {"__idiv", str_idiv},
  {"__unm", str_unm},
  {"__index", NULL},   /* filled with the library table below */
  {NULL, NULL}
};

static const luaL_Reg str_functions[] = {
  {"byte", str_byte},
  {"char", str_char},
  {"dump", str_dump},
  {"find", strlib_find},
  {"format", strlib_format},
  {"gmatch", strlib_gmatch},
  {"gsub", strlib_gsub},
  {"len", str_len},
  {"lower", str_lower},
  {"match", strlib_match},
  {"rep", str_rep},
  {"reverse", str_reverse},
  {"sub", str_sub},
  {"upper", str_upper},
  {"pack", strlib_pack},
  {"packsize", strlib_packsize},
  {"unpack", strlib_unpack},
  {NULL, NULL}
};

/* Build the metatable shared by all strings; expects the library table on top. */
static void str_set_metatable(lua_State *L) {
  luaL_newlibtable(L, str_metamethods);
  luaL_setfuncs(L, str_metamethods, 0);
  lua_pushliteral(L, "");
  lua_pushvalue(L, -2);
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

LUAMOD_API int luaopen_string(lua_State *L) {
  luaL_newlib(L, str_functions);
  str_set_metatable(L);
  return 1;
}
