/* string.format: parses each conversion specification, checks it against the flags
 * lua5.4 accepts for its conversion (width and precision at most two digits), and
 * formats one item into a local buffer before adding it to the result: integers,
 * characters and strings with our own code (as printf lays them out), floats and
 * pointers with the C library's snprintf. %q writes a literal Lua can read back; %s goes through __tostring
 * (luaL_tolstring). Wording of every error follows lua5.4. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "strlib_internal.h"

/* Flags accepted per conversion, as in lua5.4 ('0' also starts no width). */
#define FMT_FLAGS_FLOAT  "-+#0 "   /* a A e E f g G */
#define FMT_FLAGS_HEX    "-#0"     /* o x X */
#define FMT_FLAGS_INT    "-+0 "    /* d i */
#define FMT_FLAGS_UINT   "-0"      /* u */
#define FMT_FLAGS_CHAR   "-"       /* c p s */

/* One specification: '%', flags, width, precision, the conversion, then room for a
 * length modifier and the '\0'. A longer one is "invalid format (too long)". */
#define FMT_MAX_SPEC  32

/* Largest item: '%.99f' of the largest double is 99 decimals + 309 integer digits +
 * sign and point; every other conversion fits in 120 bytes. */
#define FMT_MAX_ITEM  (110 + 308)

/* Characters a specification may span before its conversion letter. */
#define FMT_SPEC_CHARS FMT_FLAGS_FLOAT "123456789."

static const char *fmt_skip_2digits(const char *s) {
  if (isdigit((unsigned char)*s)) {
    s++;
    if (isdigit((unsigned char)*s))
      s++;
  }
  return s;
}

/* Check a complete specification (from '%' to the conversion letter) against the
 * allowed flags; width and precision take at most two digits each. */
static void fmt_check_spec(lua_State *L, const char *spec, const char *flags,
                           int allow_precision) {
  const char *p = spec + 1;
  p += strspn(p, flags);
  if (*p != '0') {   /* a width cannot start with '0' (it would be a flag again) */
    p = fmt_skip_2digits(p);
    if (*p == '.' && allow_precision)
      p = fmt_skip_2digits(p + 1);
  }
  if (!isalpha((unsigned char)*p))
    luaL_error(L, "invalid conversion specification: '%s'", spec);
}

/* Copy the specification starting after '%' at f into spec (with its '%'); return a
 * pointer to its conversion character. The format ends at f_end. */
static const char *fmt_read_spec(lua_State *L, const char *f, const char *f_end,
                                 char *spec) {
  size_t len = 0;
  while (f + len < f_end && f[len] != '\0' && strchr(FMT_SPEC_CHARS, f[len]) != NULL)
    len++;
  len++;   /* the conversion character ('\0' past the end of the format) */
  if (len >= FMT_MAX_SPEC - 10)
    luaL_error(L, "invalid format (too long)");
  spec[0] = '%';
  for (size_t i = 0; i < len; i++)
    spec[1 + i] = (f + i < f_end) ? f[i] : '\0';
  spec[1 + len] = '\0';
  return f + len - 1;
}

/* ---- integers, characters and strings without snprintf ----
 * A checked specification (fmt_check_spec) is formatted here as C's printf does it:
 * these conversions are exact, and most string.format calls in loops are integers and
 * strings, which snprintf spends several hundred instructions on (format parsing, a
 * FILE set up per call). Floats and %a keep snprintf. */

#define FMT_LEFT   1   /* '-' */
#define FMT_PLUS   2   /* '+' */
#define FMT_SPACE  4   /* ' ' */
#define FMT_ALT    8   /* '#' */
#define FMT_ZERO  16   /* '0' */

typedef struct FmtSpec {
  int flags;
  int width;       /* 0 when absent */
  int precision;   /* -1 when absent; "." alone is 0 */
} FmtSpec;

static void fmt_parse(const char *spec, FmtSpec *fs) {
  const char *p = spec + 1;
  fs->flags = 0;
  for (;; p++) {
    switch (*p) {
      case '-': fs->flags |= FMT_LEFT; continue;
      case '+': fs->flags |= FMT_PLUS; continue;
      case ' ': fs->flags |= FMT_SPACE; continue;
      case '#': fs->flags |= FMT_ALT; continue;
      case '0': fs->flags |= FMT_ZERO; continue;
      default: break;
    }
    break;
  }
  fs->width = 0;
  while (isdigit((unsigned char)*p))
    fs->width = fs->width * 10 + (*p++ - '0');
  fs->precision = -1;
  if (*p == '.') {
    fs->precision = 0;
    while (isdigit((unsigned char)*++p))
      fs->precision = fs->precision * 10 + (*p - '0');
  }
}

/* Lays out [sign/prefix][zeros][body] in a field of fs->width: spaces on the left or
 * (with '-') on the right, or zeros after the prefix when zero_pad. Returns the length
 * written to out (which holds FMT_MAX_ITEM bytes; widths and precisions are at most 99). */
static int fmt_field(char *out, const FmtSpec *fs, const char *prefix, int nprefix,
                     int nzeros, const char *body, int nbody, int zero_pad) {
  int len = nprefix + nzeros + nbody;
  int pad = fs->width > len ? fs->width - len : 0;
  char *o = out;
  if (pad > 0 && !(fs->flags & FMT_LEFT) && !zero_pad) {
    memset(o, ' ', (size_t)pad);
    o += pad;
  }
  memcpy(o, prefix, (size_t)nprefix);
  o += nprefix;
  if (zero_pad && !(fs->flags & FMT_LEFT))
    nzeros += pad;
  memset(o, '0', (size_t)nzeros);
  o += nzeros;
  memcpy(o, body, (size_t)nbody);
  o += nbody;
  if (pad > 0 && (fs->flags & FMT_LEFT)) {
    memset(o, ' ', (size_t)pad);
    o += pad;
  }
  return (int)(o - out);
}

/* %d %i %u %o %x %X of a 64-bit integer. */
static int fmt_integer(char *out, const char *spec, char conversion, lua_Integer value) {
  FmtSpec fs;
  fmt_parse(spec, &fs);
  char digits[24];
  char *d = digits + sizeof digits;   /* written backwards */
  char prefix[2];
  int nprefix = 0;
  lua_Unsigned u = (lua_Unsigned)value;
  if (conversion == 'd' || conversion == 'i') {
    if (value < 0) {
      prefix[nprefix++] = '-';
      u = 0u - u;
    } else if (fs.flags & FMT_PLUS) {
      prefix[nprefix++] = '+';
    } else if (fs.flags & FMT_SPACE) {
      prefix[nprefix++] = ' ';
    }
  }
  if (conversion == 'x' || conversion == 'X') {
    const char *hex = conversion == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
    for (; u != 0; u >>= 4)
      *--d = hex[u & 15];
    if ((fs.flags & FMT_ALT) && value != 0) {
      prefix[nprefix++] = '0';
      prefix[nprefix++] = conversion;
    }
  } else if (conversion == 'o') {
    for (; u != 0; u >>= 3)
      *--d = (char)('0' + (u & 7));
  } else {
    for (; u != 0; u /= 10)
      *--d = (char)('0' + u % 10);
  }
  int ndigits = (int)(digits + sizeof digits - d);
  if (ndigits == 0 && fs.precision != 0)
    *--d = '0', ndigits = 1;   /* zero prints one digit, except at precision 0 */
  int nzeros = fs.precision > ndigits ? fs.precision - ndigits : 0;
  if (conversion == 'o' && (fs.flags & FMT_ALT) && nzeros == 0 &&
      (ndigits == 0 || *d != '0'))
    nzeros = 1;   /* '#': the first digit of an octal number is a 0 */
  int zero_pad = (fs.flags & FMT_ZERO) && fs.precision < 0;
  return fmt_field(out, &fs, prefix, nprefix, nzeros, d, ndigits, zero_pad);
}

/* %c, and %s of a string without zeros (precision: at most that many bytes). */
static int fmt_chars(char *out, const char *spec, const char *s, size_t len) {
  FmtSpec fs;
  fmt_parse(spec, &fs);
  if (fs.precision >= 0 && len > (size_t)fs.precision)
    len = (size_t)fs.precision;
  return fmt_field(out, &fs, "", 0, 0, s, (int)len, 0);
}

/* ---- %q ---- */

static void fmt_add_quoted_string(luaL_Buffer *b, const char *s, size_t len) {
  luaL_addchar(b, '"');
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\' || c == '\n') {
      luaL_addchar(b, '\\');
      luaL_addchar(b, (char)c);
    } else if (iscntrl(c)) {
      /* A short decimal escape would swallow a following digit: pad to 3 then. */
      char esc[8];
      int next_is_digit = i + 1 < len && isdigit((unsigned char)s[i + 1]);
      int n = snprintf(esc, sizeof esc, next_is_digit ? "\\%03d" : "\\%d", (int)c);
      luaL_addlstring(b, esc, (size_t)n);
    } else {
      luaL_addchar(b, (char)c);
    }
  }
  luaL_addchar(b, '"');
}

/* Floats as hexadecimal (exact), with spellings for the values no numeral gives. */
static int fmt_quote_float(char *out, size_t size, lua_Number x) {
  if (x == (lua_Number)HUGE_VAL)
    return snprintf(out, size, "1e9999");
  if (x == -(lua_Number)HUGE_VAL)
    return snprintf(out, size, "-1e9999");
  if (x != x)
    return snprintf(out, size, "(0/0)");
  return snprintf(out, size, "%a", (double)x);
}

static void fmt_add_literal(lua_State *L, luaL_Buffer *b, int arg) {
  char item[FMT_MAX_ITEM];
  int n;
  switch (lua_type(L, arg)) {
    case LUA_TSTRING: {
      size_t len;
      const char *s = lua_tolstring(L, arg, &len);
      fmt_add_quoted_string(b, s, len);
      return;
    }
    case LUA_TNUMBER:
      if (!lua_isinteger(L, arg)) {
        n = fmt_quote_float(item, sizeof item, lua_tonumber(L, arg));
      } else {
        lua_Integer i = lua_tointeger(L, arg);
        /* mininteger has no decimal numeral (its negation overflows): use hex. */
        if (i == LUA_MININTEGER)
          n = snprintf(item, sizeof item, "0x%llx", (unsigned long long)i);
        else
          n = snprintf(item, sizeof item, "%lld", (long long)i);
      }
      luaL_addlstring(b, item, (size_t)n);
      return;
    case LUA_TNIL:
    case LUA_TBOOLEAN:
      luaL_tolstring(L, arg, NULL);
      luaL_addvalue(b);
      return;
    default:
      luaL_argerror(L, arg, "value has no literal form");
  }
}

/* ---- string.format ---- */

int strlib_format(lua_State *L) {
  int top = lua_gettop(L);
  int arg = 1;
  size_t flen;
  const char *f = luaL_checklstring(L, 1, &flen);
  const char *f_end = f + flen;
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  STRLIB_CHARGE_FUEL(L, flen);
  while (f < f_end) {
    if (*f != '%') {
      luaL_addchar(&b, *f++);
      continue;
    }
    f++;
    if (f < f_end && *f == '%') {
      luaL_addchar(&b, '%');
      f++;
      continue;
    }
    char spec[FMT_MAX_SPEC];
    char item[FMT_MAX_ITEM];
    int n = 0;   /* bytes of item to add */
    const char *flags;
    if (++arg > top)
      return luaL_argerror(L, arg, "no value");
    f = fmt_read_spec(L, f, f_end, spec);
    char conversion = (f < f_end) ? *f : '\0';
    f++;
    switch (conversion) {
      case 'c': {
        char c = (char)(unsigned char)luaL_checkinteger(L, arg);
        fmt_check_spec(L, spec, FMT_FLAGS_CHAR, 0);
        n = fmt_chars(item, spec, &c, 1);
        break;
      }
      case 'd': case 'i':
        flags = FMT_FLAGS_INT;
        goto integer;
      case 'u':
        flags = FMT_FLAGS_UINT;
        goto integer;
      case 'o': case 'x': case 'X':
        flags = FMT_FLAGS_HEX;
      integer: {
        lua_Integer i = luaL_checkinteger(L, arg);
        fmt_check_spec(L, spec, flags, 1);
        n = fmt_integer(item, spec, conversion, i);
        break;
      }
      case 'a': case 'A':
        fmt_check_spec(L, spec, FMT_FLAGS_FLOAT, 1);
        n = snprintf(item, sizeof item, spec, (double)luaL_checknumber(L, arg));
        break;
      case 'f': case 'e': case 'E': case 'g': case 'G': {
        lua_Number x = luaL_checknumber(L, arg);
        fmt_check_spec(L, spec, FMT_FLAGS_FLOAT, 1);
        n = snprintf(item, sizeof item, spec, (double)x);
        break;
      }
      case 'p': {
        const void *ptr = lua_topointer(L, arg);
        fmt_check_spec(L, spec, FMT_FLAGS_CHAR, 0);
        if (ptr == NULL) {   /* print "(null)" without handing printf a NULL */
          spec[strlen(spec) - 1] = 's';
          n = snprintf(item, sizeof item, spec, "(null)");
        } else {
          n = snprintf(item, sizeof item, spec, ptr);
        }
        break;
      }
      case 'q':
        if (spec[2] != '\0')
          return luaL_error(L, "specifier '%%q' cannot have modifiers");
        fmt_add_literal(L, &b, arg);
        break;
      case 's': {
        size_t len;
        const char *s = luaL_tolstring(L, arg, &len);
        if (spec[2] == '\0') {   /* plain %s: any length, zeros included */
          luaL_addvalue(&b);
          break;
        }
        luaL_argcheck(L, len == strlen(s), arg, "string contains zeros");
        fmt_check_spec(L, spec, FMT_FLAGS_CHAR, 1);
        if (strchr(spec, '.') == NULL && len >= 100) {
          luaL_addvalue(&b);   /* a width alone cannot change a long string */
        } else {
          n = fmt_chars(item, spec, s, len);
          lua_pop(L, 1);
        }
        break;
      }
      default:
        return luaL_error(L, "invalid conversion '%s' to 'format'", spec);
    }
    if (n > 0)
      luaL_addlstring(&b, item, (size_t)n);
  }
  luaL_pushresult(&b);
  return 1;
}
