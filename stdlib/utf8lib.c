/* The utf8 library (luaopen_utf8): char, charpattern, codes, codepoint, len, offset.
 * Decoding accepts lua5.4's extended UTF-8 (sequences of up to 6 bytes, values up to
 * 2^31-1) and rejects overlong forms; strict mode (the default) also rejects
 * surrogates and values above U+10FFFF, the `lax` argument lifts that. */
#include <limits.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define UTF8_MAXUNICODE 0x10FFFFu
#define UTF8_MAXCODE    0x7FFFFFFFu   /* largest value the 6-byte form can carry */

/* One character: an ASCII byte or a lead byte, then continuation bytes. */
#define UTF8_CHARPATTERN "[\0-\x7F\xC2-\xFD][\x80-\xBF]*"

typedef unsigned long utf8_code;

/* Is byte i of s (length len) a continuation byte? The end counts as not one. */
static int utf8_is_cont(const char *s, size_t len, size_t i) {
  return i < len && ((unsigned char)s[i] & 0xC0) == 0x80;
}

/* Decode the sequence at s (the string ends at end). Return the byte after it and
 * store the value in *code, or return NULL when the sequence is invalid. */
static const char *utf8_decode(const char *s, const char *end, utf8_code *code,
                               int strict) {
  /* Smallest value for each count of continuation bytes: anything below is an
   * overlong encoding. A lone continuation byte (count 0, not ASCII) never fits. */
  static const utf8_code min_value[] = {
    ~(utf8_code)0, 0x80, 0x800, 0x10000u, 0x200000u, 0x4000000u
  };
  unsigned int lead = (unsigned char)s[0];
  utf8_code value;
  int count = 0;
  if (lead < 0x80) {
    value = lead;
  } else {
    while (count < 7 && (lead & (0x40u >> count)) != 0)
      count++;   /* each 1 bit after the top one announces a continuation byte */
    if (count > 5 || end - s <= count)
      return NULL;
    value = lead & (0x3Fu >> count);
    for (int i = 1; i <= count; i++) {
      unsigned int byte = (unsigned char)s[i];
      if ((byte & 0xC0) != 0x80)
        return NULL;
      value = (value << 6) | (byte & 0x3F);
    }
    if (value > UTF8_MAXCODE || value < min_value[count])
      return NULL;
  }
  if (strict && (value > UTF8_MAXUNICODE || (value >= 0xD800u && value <= 0xDFFFu)))
    return NULL;
  if (code != NULL)
    *code = value;
  return s + count + 1;
}

/* Encode value (at most UTF8_MAXCODE) into out; return the byte count (1-6). */
static int utf8_encode(char *out, utf8_code value) {
  if (value < 0x80) {
    out[0] = (char)value;
    return 1;
  }
  int n = value < 0x800 ? 2 : value < 0x10000 ? 3 : value < 0x200000 ? 4
        : value < 0x4000000 ? 5 : 6;
  for (int i = n - 1; i > 0; i--) {
    out[i] = (char)(0x80 | (value & 0x3F));
    value >>= 6;
  }
  /* The lead byte: n one bits, a zero, then what is left of the value. */
  out[0] = (char)(((0xFF00u >> n) & 0xFF) | value);
  return n;
}

/* A relative position: negative counts back from the end, clipping at 0. */
static lua_Integer utf8_relative(lua_Integer pos, size_t len) {
  if (pos >= 0)
    return pos;
  if (0u - (size_t)pos > len)
    return 0;
  return (lua_Integer)len + pos + 1;
}

/* utf8.len(s [, i [, j [, lax]]]): characters starting in [i, j], or fail plus the
 * position of the first invalid byte. */
static int utf8_len(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer first = utf8_relative(luaL_optinteger(L, 2, 1), len);
  lua_Integer last = utf8_relative(luaL_optinteger(L, 3, -1), len);
  int lax = lua_toboolean(L, 4);
  luaL_argcheck(L, 1 <= first && --first <= (lua_Integer)len, 2,
                "initial position out of bounds");
  luaL_argcheck(L, --last < (lua_Integer)len, 3, "final position out of bounds");
  lua_Integer count = 0;
  while (first <= last) {
    const char *next = utf8_decode(s + first, s + len, NULL, !lax);
    if (next == NULL) {
      luaL_pushfail(L);
      lua_pushinteger(L, first + 1);
      return 2;
    }
    first = next - s;
    count++;
  }
  lua_pushinteger(L, count);
  return 1;
}

/* utf8.codepoint(s [, i [, j [, lax]]]): the values of the characters starting in [i, j]. */
static int utf8_codepoint(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer first = utf8_relative(luaL_optinteger(L, 2, 1), len);
  lua_Integer last = utf8_relative(luaL_optinteger(L, 3, first), len);
  int lax = lua_toboolean(L, 4);
  luaL_argcheck(L, first >= 1, 2, "out of bounds");
  luaL_argcheck(L, last <= (lua_Integer)len, 3, "out of bounds");
  if (first > last)
    return 0;
  if (last - first >= INT_MAX)
    return luaL_error(L, "string slice too long");
  luaL_checkstack(L, (int)(last - first) + 1, "string slice too long");
  int n = 0;
  const char *p = s + first - 1;
  const char *stop = s + last;
  while (p < stop) {
    utf8_code code;
    p = utf8_decode(p, s + len, &code, !lax);
    if (p == NULL)
      return luaL_error(L, "invalid UTF-8 code");
    lua_pushinteger(L, (lua_Integer)code);
    n++;
  }
  return n;
}

static void utf8_add_char(lua_State *L, luaL_Buffer *b, int arg) {
  lua_Unsigned value = (lua_Unsigned)luaL_checkinteger(L, arg);
  luaL_argcheck(L, value <= UTF8_MAXCODE, arg, "value out of range");
  char bytes[8];
  int n = utf8_encode(bytes, (utf8_code)value);
  luaL_addlstring(b, bytes, (size_t)n);
}

/* utf8.char(...): the concatenated encodings of the arguments. */
static int utf8_char(lua_State *L) {
  int n = lua_gettop(L);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (int i = 1; i <= n; i++)
    utf8_add_char(L, &b, i);
  luaL_pushresult(&b);
  return 1;
}

/* utf8.offset(s, n [, i]): byte position where the n-th character counted from
 * position i starts (n = 0: the start of the character containing i). */
static int utf8_offset(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Integer n = luaL_checkinteger(L, 2);
  lua_Integer pos = (n >= 0) ? 1 : (lua_Integer)len + 1;
  pos = utf8_relative(luaL_optinteger(L, 3, pos), len);
  luaL_argcheck(L, 1 <= pos && --pos <= (lua_Integer)len, 3, "position out of bounds");
  if (n == 0) {
    while (pos > 0 && utf8_is_cont(s, len, (size_t)pos))
      pos--;
  } else {
    if (utf8_is_cont(s, len, (size_t)pos))
      return luaL_error(L, "initial position is a continuation byte");
    if (n < 0) {
      while (n < 0 && pos > 0) {
        do {
          pos--;
        } while (pos > 0 && utf8_is_cont(s, len, (size_t)pos));
        n++;
      }
    } else {
      n--;   /* the character at pos is the first one */
      while (n > 0 && pos < (lua_Integer)len) {
        do {
          pos++;
        } while (utf8_is_cont(s, len, (size_t)pos));
        n--;
      }
    }
  }
  if (n == 0)
    lua_pushinteger(L, pos + 1);
  else
    luaL_pushfail(L);
  return 1;
}

/* The iterator of utf8.codes: control value = byte position of the previous character
 * (0 at the start). Continuation bytes after it belong to that character. */
static int utf8_codes_step(lua_State *L, int strict) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_Unsigned pos = (lua_Unsigned)lua_tointeger(L, 2);
  while (pos < len && utf8_is_cont(s, len, (size_t)pos))
    pos++;
  if (pos >= len)
    return 0;
  utf8_code code;
  if (utf8_decode(s + pos, s + len, &code, strict) == NULL)
    return luaL_error(L, "invalid UTF-8 code");
  lua_pushinteger(L, (lua_Integer)pos + 1);
  lua_pushinteger(L, (lua_Integer)code);
  return 2;
}

static int utf8_codes_strict(lua_State *L) {
  return utf8_codes_step(L, 1);
}

static int utf8_codes_lax(lua_State *L) {
  return utf8_codes_step(L, 0);
}

static int utf8_codes(lua_State *L) {
  int lax = lua_toboolean(L, 2);
  luaL_checkstring(L, 1);
  lua_pushcfunction(L, lax ? utf8_codes_lax : utf8_codes_strict);
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  return 3;
}

static const luaL_Reg utf8_functions[] = {
  {"offset", utf8_offset},
  {"codepoint", utf8_codepoint},
  {"char", utf8_char},
  {"len", utf8_len},
  {"codes", utf8_codes},
  {"charpattern", NULL},   /* a string, set below */
  {NULL, NULL}
};

LUAMOD_API int luaopen_utf8(lua_State *L) {
  luaL_newlib(L, utf8_functions);
  lua_pushlstring(L, UTF8_CHARPATTERN, sizeof(UTF8_CHARPATTERN) - 1);
  lua_setfield(L, -2, "charpattern");
  return 1;
}
