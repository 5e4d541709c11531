/* The ffi's value conversions between Lua and C. Lua to C is strict: numbers must be
 * numbers (no string coercion), integers must fit the C type exactly (range-checked, floats
 * only when integral), booleans must be booleans, and a Lua string becomes a pointer only
 * for a const pointee (C must not write into an immutable Lua string). C to Lua: integers
 * as integers, NULL pointers as nil, char* results as Lua strings. See spec/ffi.md. */
#include <float.h>
#include <stdarg.h>
#include <math.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"

#include "ffi_internal.h"

/* Raises "bad argument #N to 'f' (MSG)" or, for a callback's result, "bad result from
 * callback 'f' (MSG)"; MSG is formatted with lua_pushvfstring's directives. */
static int conv_error(lua_State *L, const FfiWhere *where, const char *fmt, ...) {
  va_list ap;
  const char *msg;
  va_start(ap, fmt);
  msg = lua_pushvfstring(L, fmt, ap);
  va_end(ap);
  if (where->argn > 0)
    return luaL_error(L, "bad argument #%d to '%s' (%s)", where->argn, where->fname, msg);
  return luaL_error(L, "bad result from callback '%s' (%s)", where->fname, msg);
}

/* The name of the value's type as lua5.4's luaL_typeerror words it (__name, light userdata). */
static const char *value_typename(lua_State *L, int idx) {
  if (luaL_getmetafield(L, idx, "__name") == LUA_TSTRING) return lua_tostring(L, -1);
  if (lua_type(L, idx) == LUA_TLIGHTUSERDATA) return "light userdata";
  return luaL_typename(L, idx);
}

static int type_error(lua_State *L, int idx, const char *expected, const FfiWhere *where) {
  return conv_error(L, where, "%s expected, got %s", expected, value_typename(L, idx));
}

/* Integer limits of each integer kind, indexed by kind - FK_I8. */
static const struct { lua_Integer lo, hi; } int_limits[] = {
  {INT8_MIN, INT8_MAX}, {0, UINT8_MAX}, {INT16_MIN, INT16_MAX}, {0, UINT16_MAX},
  {INT32_MIN, INT32_MAX}, {0, UINT32_MAX}, {INT64_MIN, INT64_MAX}, {0, INT64_MAX},
};

/* A Lua number that must be an integer of kind t->kind. uint64_t also takes integral floats
 * in [2^63, 2^64), the values a Lua integer cannot hold. */
static void check_integer(lua_State *L, int idx, const FfiType *t, FfiValue *out,
                          const FfiWhere *where) {
  int is_int;
  lua_Integer v;
  if (lua_type(L, idx) != LUA_TNUMBER) type_error(L, idx, "number", where);
  v = lua_tointegerx(L, idx, &is_int);
  if (!is_int) {
    lua_Number d = lua_tonumber(L, idx);
    if (t->kind == FK_U64 && d >= 9223372036854775808.0 && d < 18446744073709551616.0 &&
        d == floor(d)) {
      out->u64 = (uint64_t)d;
      return;
    }
    if (d == floor(d) && !isinf(d))  /* integral but beyond the 64-bit range */
      conv_error(L, where, "integer out of range for %s", t->name);
    conv_error(L, where, "number has no integer representation");
  }
  if (v < int_limits[t->kind - FK_I8].lo || v > int_limits[t->kind - FK_I8].hi)
    conv_error(L, where, "integer out of range for %s", t->name);
  switch (t->kind) {
    case FK_I8: out->i8 = (int8_t)v; break;
    case FK_U8: out->u8 = (uint8_t)v; break;
    case FK_I16: out->i16 = (int16_t)v; break;
    case FK_U16: out->u16 = (uint16_t)v; break;
    case FK_I32: out->i32 = (int32_t)v; break;
    case FK_U32: out->u32 = (uint32_t)v; break;
    case FK_I64: out->i64 = (int64_t)v; break;
    default: out->u64 = (uint64_t)v; break;
  }
}

int fficonv_topointer(lua_State *L, int idx, void **p) {
  switch (lua_type(L, idx)) {
    case LUA_TNIL:
      *p = NULL;
      return 1;
    case LUA_TLIGHTUSERDATA:
      *p = lua_touserdata(L, idx);
      return 1;
    case LUA_TUSERDATA: {
      size_t size;
      void *data = ffilib_buffer_data(L, idx, &size);
      if (data == NULL) data = ffilib_callback_code(L, idx);
      if (data == NULL) return 0;
      *p = data;
      return 1;
    }
    default:
      return 0;
  }
}

void fficonv_check(lua_State *L, int idx, const FfiType *t, FfiValue *out,
                   const FfiWhere *where) {
  memset(out, 0, sizeof *out);
  switch (t->kind) {
    case FK_BOOL:
      if (lua_type(L, idx) != LUA_TBOOLEAN) type_error(L, idx, "boolean", where);
      out->b = (unsigned char)lua_toboolean(L, idx);
      break;
    case FK_I8: case FK_U8: case FK_I16: case FK_U16:
    case FK_I32: case FK_U32: case FK_I64: case FK_U64:
      check_integer(L, idx, t, out, where);
      break;
    case FK_FLOAT: case FK_DOUBLE: {
      lua_Number d;
      if (lua_type(L, idx) != LUA_TNUMBER) type_error(L, idx, "number", where);
      d = lua_tonumber(L, idx);
      if (t->kind == FK_DOUBLE) {
        out->d = (double)d;
      } else {
        if (isfinite(d) && fabs(d) > FLT_MAX)  /* would be undefined in C */
          conv_error(L, where, "number out of range for float");
        out->f = (float)d;
      }
      break;
    }
    case FK_PTR: case FK_STR:
      if (lua_type(L, idx) == LUA_TSTRING) {
        if (!t->is_const)
          conv_error(L, where, "string given for non-const %s, use a buffer", t->name);
        out->p = (void *)lua_tostring(L, idx);
      } else if (!fficonv_topointer(L, idx, &out->p)) {
        if (luaL_testudata(L, idx, FFI_CALLBACK_MT) != NULL)
          conv_error(L, where, "callback has been freed");
        type_error(L, idx, t->kind == FK_STR && t->is_const ? "string" : "pointer", where);
      }
      break;
    default:  /* FK_VOID: the parser never lets it be a parameter */
      conv_error(L, where, "cannot pass a void value");
      break;
  }
}

int fficonv_push(lua_State *L, const FfiType *t, const FfiValue *v, int is_result) {
  /* libffi returns integers narrower than a register widened to a whole ffi_arg. */
  switch (t->kind) {
    case FK_VOID: return 0;
    case FK_BOOL: lua_pushboolean(L, is_result ? (uint8_t)v->ret_int != 0 : v->b != 0); break;
    case FK_I8: lua_pushinteger(L, is_result ? (int8_t)v->ret_sint : v->i8); break;
    case FK_U8: lua_pushinteger(L, is_result ? (uint8_t)v->ret_int : v->u8); break;
    case FK_I16: lua_pushinteger(L, is_result ? (int16_t)v->ret_sint : v->i16); break;
    case FK_U16: lua_pushinteger(L, is_result ? (uint16_t)v->ret_int : v->u16); break;
    case FK_I32: lua_pushinteger(L, is_result ? (int32_t)v->ret_sint : v->i32); break;
    case FK_U32: lua_pushinteger(L, is_result ? (uint32_t)v->ret_int : v->u32); break;
    case FK_I64: lua_pushinteger(L, (lua_Integer)v->i64); break;
    case FK_U64:
      /* beyond maxinteger a float is the closest Lua value (and stays non-negative) */
      if (v->u64 <= (uint64_t)LUA_MAXINTEGER) lua_pushinteger(L, (lua_Integer)v->u64);
      else lua_pushnumber(L, (lua_Number)v->u64);
      break;
    case FK_FLOAT: lua_pushnumber(L, (lua_Number)v->f); break;
    case FK_DOUBLE: lua_pushnumber(L, (lua_Number)v->d); break;
    case FK_STR:
      if (v->p == NULL) lua_pushnil(L);
      else lua_pushstring(L, (const char *)v->p);
      break;
    default:
      if (v->p == NULL) lua_pushnil(L);
      else lua_pushlightuserdata(L, v->p);
      break;
  }
  return 1;
}

/* Every kind's value lives at offset 0 of FfiValue, so a byte copy of the C object's size
 * reads or writes the right member on any byte order. */
void fficonv_load(const FfiType *t, const void *p, FfiValue *v) {
  memset(v, 0, sizeof *v);
  memcpy(v, p, ffidecl_size(t->kind));
}

void fficonv_store(const FfiType *t, void *p, const FfiValue *v) {
  memcpy(p, v, ffidecl_size(t->kind));
}
