/* Numbers: the string<->number conversions of lua5.4 (what tonumber, the lexer and
 * arithmetic coercion accept, and how tostring prints), float->integer conversion,
 * and the integer operations whose C behaviour differs from Lua's (floor division,
 * modulo, shifts). Shared by the interpreter, the C API and the libraries. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "number.h"
#include "call.h"
#include "str.h"

/* ---- string -> number ---- */

/* The whitespace lua5.4 skips around numerals (C's isspace in the "C" locale). */
static inline int num_isspace(int c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline int hexdigit(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  c |= 0x20;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* An integer numeral: decimal (rejected when it overflows, so it is read again as a
 * float) or hexadecimal (wraps around modulo 2^64). Returns the end or NULL. */
static const char *str2int(const char *s, lua_Integer *result) {
  lua_Unsigned a = 0;
  int empty = 1, neg = 0;
  while (num_isspace((unsigned char)*s)) s++;
  if (*s == '-') { s++; neg = 1; }
  else if (*s == '+') s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s += 2;
    for (int d; (d = hexdigit((unsigned char)*s)) >= 0; s++) {
      a = a * 16 + (lua_Unsigned)d;
      empty = 0;
    }
  } else {
    const lua_Unsigned maxby10 = (lua_Unsigned)LUA_MAXINTEGER / 10;
    const int maxlastd = (int)((lua_Unsigned)LUA_MAXINTEGER % 10);
    for (; *s >= '0' && *s <= '9'; s++) {
      int d = *s - '0';
      if (a >= maxby10 && (a > maxby10 || d > maxlastd + neg))
        return NULL;  /* does not fit: let the float reader take it */
      a = a * 10 + (lua_Unsigned)d;
      empty = 0;
    }
  }
  while (num_isspace((unsigned char)*s)) s++;
  if (empty || *s != '\0')
    return NULL;
  *result = (lua_Integer)(neg ? 0u - a : a);
  return s;
}

/* A float numeral, decimal or hexadecimal (with 'p' exponent), via strtod. Words
 * strtod would take ("inf", "nan", "infinity") are refused: none is a Lua numeral,
 * and every one contains an 'n'. */
static const char *str2d(const char *s, double *result) {
  if (strpbrk(s, "nN"))
    return NULL;
  char *end;
  *result = strtod(s, &end);
  if (end == s)
    return NULL;
  while (num_isspace((unsigned char)*end)) end++;
  return *end == '\0' ? end : NULL;
}

size_t num_str2number(const char *s, Value *out) {
  lua_Integer i;
  double n;
  const char *e = str2int(s, &i);
  if (e != NULL) {
    setivalue(out, i);
  } else if ((e = str2d(s, &n)) != NULL) {
    setfltvalue(out, n);
  } else {
    return 0;
  }
  return (size_t)(e - s) + 1;
}

/* A string value that converts entirely (no embedded '\0' cut it short). */
static int str2num_value(const Value *v, Value *out) {
  String *s = strvalue(v);
  return num_str2number(s->data, out) == s->len + 1;
}

/* ---- conversions between numbers ---- */

int num_flttointeger(double n, lua_Integer *p, F2Imode mode) {
  double f = floor(n);
  if (n != f) {  /* not integral (or NaN) */
    if (mode == F2I_EQ)
      return 0;
    if (mode == F2I_CEIL)
      f += 1;
  }
  /* -2^63 <= f < 2^63: both bounds are exact doubles */
  if (f >= (double)LUA_MININTEGER && f < -(double)LUA_MININTEGER) {
    *p = (lua_Integer)f;
    return 1;
  }
  return 0;
}

HOT int num_tointeger(const Value *v, lua_Integer *p, F2Imode mode) {
  Value aux;
  if (ttisstring(v) && str2num_value(v, &aux))
    v = &aux;
  if (ttisinteger(v)) {
    *p = ivalue(v);
    return 1;
  }
  if (ttisfloat(v))
    return num_flttointeger(fltvalue(v), p, mode);
  return 0;
}

HOT int num_tonumber(const Value *v, double *out) {
  Value aux;
  if (ttisstring(v) && str2num_value(v, &aux))
    v = &aux;
  if (ttisinteger(v)) {
    *out = (double)ivalue(v);
    return 1;
  }
  if (ttisfloat(v)) {
    *out = fltvalue(v);
    return 1;
  }
  return 0;
}

/* ---- number -> string ---- */

/* Decimal digits of an integer, as "%lld" prints them, without snprintf's format
 * parsing (tostring and concatenation of integers are common in string-building code). */
static int int_tostr(lua_Integer i, char *buf) {
  char tmp[24];
  int n = 0;
  lua_Unsigned u = i < 0 ? 0u - (lua_Unsigned)i : (lua_Unsigned)i;
  do {
    tmp[n++] = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  int len = 0;
  if (i < 0)
    buf[len++] = '-';
  while (n > 0)
    buf[len++] = tmp[--n];
  buf[len] = '\0';
  return len;
}

int num_tostr(const Value *v, char *buf) {
  int len;
  if (ttisinteger(v))
    return int_tostr(ivalue(v), buf);
  len = snprintf(buf, NUM_MAXSTR, "%.14g", fltvalue(v));
  /* looks like an integer? mark it as a float (inf and nan have letters) */
  if (buf[strspn(buf, "-0123456789")] == '\0') {
    buf[len++] = '.';
    buf[len++] = '0';
    buf[len] = '\0';
  }
  return len;
}

String *num_tostring(lua_State *L, const Value *v) {
  char buf[NUM_MAXSTR];
  int len = num_tostr(v, buf);
  return str_new(L, buf, (size_t)len);
}

/* ---- integer arithmetic with Lua's rounding ---- */

lua_Integer num_idiv(lua_State *L, lua_Integer m, lua_Integer n) {
  if (unlikely((lua_Unsigned)n + 1u <= 1u)) {  /* n is 0 or -1 */
    if (n == 0)
      vm_runerror(L, "attempt to divide by zero");
    return (lua_Integer)(0u - (lua_Unsigned)m);  /* m // -1 == -m, wrapping at MININTEGER */
  }
  lua_Integer q = m / n;  /* C truncates toward zero; Lua floors */
  if ((m ^ n) < 0 && m % n != 0)
    q -= 1;
  return q;
}

lua_Integer num_imod(lua_State *L, lua_Integer m, lua_Integer n) {
  if (unlikely((lua_Unsigned)n + 1u <= 1u)) {  /* n is 0 or -1 */
    if (n == 0)
      vm_runerror(L, "attempt to perform 'n%%0'");
    return 0;  /* avoids the overflow of MININTEGER % -1 */
  }
  lua_Integer r = m % n;
  if (r != 0 && (r ^ n) < 0)  /* result must take the sign of the divisor */
    r += n;
  return r;
}

double num_fmod(double m, double n) {
  double r = fmod(m, n);
  if (r > 0 ? n < 0 : (r < 0 && n > 0))  /* signs differ: fmod truncated */
    r += n;
  return r;
}

lua_Integer num_shiftl(lua_Integer x, lua_Integer y) {
  if (y < 0) {
    if (y <= -64)
      return 0;
    return (lua_Integer)((lua_Unsigned)x >> (unsigned)(-y));
  }
  if (y >= 64)
    return 0;
  return (lua_Integer)((lua_Unsigned)x << (unsigned)y);
}
