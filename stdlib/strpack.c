/* string.pack, string.unpack and string.packsize: binary serialisation driven by a
 * format string (endianness < > =, alignment !n, integers b B h H l L j J T i[n] I[n],
 * floats f d n, strings s[n] z c[n], padding x and X). Layout, limits and error
 * messages follow lua5.4; integers of up to 16 bytes are sign-extended or checked. */
#include <stddef.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "strlib_internal.h"

#define PACK_MAXINTSIZE 16                    /* largest i[n]/I[n]/s[n] */
#define PACK_INTSIZE    ((int)sizeof(lua_Integer))
#define PACK_PADBYTE    '\0'

/* The alignment '!' without a size asks for: the strictest of the basic types. */
struct PackAlignProbe {
  char c;
  union { lua_Number n; double d; void *p; lua_Integer i; long l; } u;
};
#define PACK_NATIVE_ALIGN ((int)offsetof(struct PackAlignProbe, u))

typedef enum {
  PK_INT,        /* signed integer */
  PK_UINT,       /* unsigned integer */
  PK_FLOAT,      /* C float */
  PK_NUMBER,     /* lua_Number */
  PK_DOUBLE,     /* C double */
  PK_FIXED,      /* c[n]: fixed-size string */
  PK_STRING,     /* s[n]: string preceded by its length */
  PK_ZSTRING,    /* z: zero-terminated string */
  PK_PAD,        /* x: one padding byte */
  PK_ALIGN,      /* X: pad to the next option's alignment */
  PK_NOP         /* settings and spaces */
} PackKind;

typedef struct PackState {
  lua_State *L;
  int little;    /* current endianness */
  int maxalign;  /* set by '!'; 1 (no alignment) until then */
} PackState;

static int pack_native_little(void) {
  const union { int one; char first; } probe = {1};
  return probe.first == 1;
}

static void pack_init(PackState *st, lua_State *L) {
  st->L = L;
  st->little = pack_native_little();
  st->maxalign = 1;
}

/* Read an optional decimal size, or return `dflt`. Stops growing before it could
 * overflow the library's size limit, as lua5.4 does. */
static int pack_read_num(const char **fmt, int dflt) {
  if (**fmt < '0' || **fmt > '9')
    return dflt;
  int n = 0;
  do {
    n = n * 10 + (*(*fmt)++ - '0');
  } while (**fmt >= '0' && **fmt <= '9' && n <= ((int)STRLIB_MAXSIZE - 9) / 10);
  return n;
}

static int pack_read_intsize(PackState *st, const char **fmt, int dflt) {
  int n = pack_read_num(fmt, dflt);
  if (n > PACK_MAXINTSIZE || n <= 0)
    return luaL_error(st->L, "integral size (%d) out of limits [1,%d]", n,
                      PACK_MAXINTSIZE);
  return n;
}

/* Read one option; *size gets its size in bytes (0 for those without data). */
static PackKind pack_read_option(PackState *st, const char **fmt, int *size) {
  int opt = *(*fmt)++;
  *size = 0;
  switch (opt) {
    case 'b': *size = (int)sizeof(char); return PK_INT;
    case 'B': *size = (int)sizeof(char); return PK_UINT;
    case 'h': *size = (int)sizeof(short); return PK_INT;
    case 'H': *size = (int)sizeof(short); return PK_UINT;
    case 'l': *size = (int)sizeof(long); return PK_INT;
    case 'L': *size = (int)sizeof(long); return PK_UINT;
    case 'j': *size = (int)sizeof(lua_Integer); return PK_INT;
    case 'J': *size = (int)sizeof(lua_Integer); return PK_UINT;
    case 'T': *size = (int)sizeof(size_t); return PK_UINT;
    case 'f': *size = (int)sizeof(float); return PK_FLOAT;
    case 'n': *size = (int)sizeof(lua_Number); return PK_NUMBER;
    case 'd': *size = (int)sizeof(double); return PK_DOUBLE;
    case 'i': *size = pack_read_intsize(st, fmt, (int)sizeof(int)); return PK_INT;
    case 'I': *size = pack_read_intsize(st, fmt, (int)sizeof(int)); return PK_UINT;
    case 's': *size = pack_read_intsize(st, fmt, (int)sizeof(size_t)); return PK_STRING;
    case 'c':
      *size = pack_read_num(fmt, -1);
      if (*size == -1)
        luaL_error(st->L, "missing size for format option 'c'");
      return PK_FIXED;
    case 'z': return PK_ZSTRING;
    case 'x': *size = 1; return PK_PAD;
    case 'X': return PK_ALIGN;
    case ' ': return PK_NOP;
    case '<': st->little = 1; return PK_NOP;
    case '>': st->little = 0; return PK_NOP;
    case '=': st->little = pack_native_little(); return PK_NOP;
    case '!': st->maxalign = pack_read_intsize(st, fmt, PACK_NATIVE_ALIGN); return PK_NOP;
    default:
      luaL_error(st->L, "invalid format option '%c'", opt);
      return PK_NOP;
  }
}

/* Read the next option and work out the padding that must precede it at offset
 * `offset`. An item aligns to its own size, capped by '!'; X takes the alignment of
 * the option after it, which it consumes without packing anything. */
static PackKind pack_next(PackState *st, size_t offset, const char **fmt, int *size,
                          int *padding) {
  PackKind kind = pack_read_option(st, fmt, size);
  int align = *size;
  if (kind == PK_ALIGN) {
    if (**fmt == '\0' || pack_read_option(st, fmt, &align) == PK_FIXED || align == 0)
      luaL_argerror(st->L, 1, "invalid next option for option 'X'");
  }
  if (align <= 1 || kind == PK_FIXED) {
    *padding = 0;
  } else {
    if (align > st->maxalign)
      align = st->maxalign;
    if ((align & (align - 1)) != 0)
      luaL_argerror(st->L, 1, "format asks for alignment not power of 2");
    *padding = (align - (int)(offset & (size_t)(align - 1))) & (align - 1);
  }
  return kind;
}

/* Write the low `size` bytes of n; wider than lua_Integer, negative numbers get
 * 0xff sign-extension bytes. */
static void pack_int(luaL_Buffer *b, lua_Unsigned n, int little, int size, int negative) {
  unsigned char bytes[PACK_MAXINTSIZE];
  if (size > PACK_MAXINTSIZE)   /* cannot happen (sizes are checked when read); tells gcc */
    size = PACK_MAXINTSIZE;
  for (int i = 0; i < size; i++) {
    unsigned char byte;
    if (i < PACK_INTSIZE)
      byte = (unsigned char)(n >> (8 * i));
    else
      byte = negative ? 0xff : 0;
    bytes[little ? i : size - 1 - i] = byte;
  }
  luaL_addlstring(b, (const char *)bytes, (size_t)size);
}

/* Copy a float's bytes, reversing them when the requested order is not the native one. */
static void pack_copy_ordered(char *dst, const char *src, int size, int little) {
  if (little == pack_native_little()) {
    memcpy(dst, src, (size_t)size);
  } else {
    for (int i = 0; i < size; i++)
      dst[i] = src[size - 1 - i];
  }
}

int strlib_pack(lua_State *L) {
  const char *fmt = luaL_checkstring(L, 1);
  PackState st;
  pack_init(&st, L);
  int arg = 1;
  size_t total = 0;
  lua_pushnil(L);   /* keeps the arguments below whatever the buffer pushes */
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (*fmt != '\0') {
    int size, padding;
    PackKind kind = pack_next(&st, total, &fmt, &size, &padding);
    total += (size_t)padding + (size_t)size;
    for (int i = 0; i < padding; i++)
      luaL_addchar(&b, PACK_PADBYTE);
    arg++;
    switch (kind) {
      case PK_INT: {
        lua_Integer n = luaL_checkinteger(L, arg);
        if (size < PACK_INTSIZE) {
          lua_Integer limit = (lua_Integer)1 << (size * 8 - 1);
          luaL_argcheck(L, -limit <= n && n < limit, arg, "integer overflow");
        }
        pack_int(&b, (lua_Unsigned)n, st.little, size, n < 0);
        break;
      }
      case PK_UINT: {
        lua_Integer n = luaL_checkinteger(L, arg);
        if (size < PACK_INTSIZE)
          luaL_argcheck(L, (lua_Unsigned)n < ((lua_Unsigned)1 << (size * 8)), arg,
                        "unsigned overflow");
        pack_int(&b, (lua_Unsigned)n, st.little, size, 0);
        break;
      }
      case PK_FLOAT: {
        float x = (float)luaL_checknumber(L, arg);
        char bytes[sizeof x];
        pack_copy_ordered(bytes, (const char *)&x, (int)sizeof x, st.little);
        luaL_addlstring(&b, bytes, sizeof x);
        break;
      }
      case PK_NUMBER: {
        lua_Number x = luaL_checknumber(L, arg);
        char bytes[sizeof x];
        pack_copy_ordered(bytes, (const char *)&x, (int)sizeof x, st.little);
        luaL_addlstring(&b, bytes, sizeof x);
        break;
      }
      case PK_DOUBLE: {
        double x = (double)luaL_checknumber(L, arg);
        char bytes[sizeof x];
        pack_copy_ordered(bytes, (const char *)&x, (int)sizeof x, st.little);
        luaL_addlstring(&b, bytes, sizeof x);
        break;
      }
      case PK_FIXED: {
        size_t len;
        const char *s = luaL_checklstring(L, arg, &len);
        luaL_argcheck(L, len <= (size_t)size, arg, "string longer than given size");
        STRLIB_CHARGE_FUEL(L, size);
        luaL_addlstring(&b, s, len);
        for (size_t i = len; i < (size_t)size; i++)
          luaL_addchar(&b, PACK_PADBYTE);
        break;
      }
      case PK_STRING: {
        size_t len;
        const char *s = luaL_checklstring(L, arg, &len);
        luaL_argcheck(L, size >= (int)sizeof(size_t) ||
                         len < ((size_t)1 << (size * 8)),
                      arg, "string length does not fit in given size");
        STRLIB_CHARGE_FUEL(L, len);
        pack_int(&b, (lua_Unsigned)len, st.little, size, 0);
        luaL_addlstring(&b, s, len);
        total += len;
        break;
      }
      case PK_ZSTRING: {
        size_t len;
        const char *s = luaL_checklstring(L, arg, &len);
        luaL_argcheck(L, strlen(s) == len, arg, "string contains zeros");
        STRLIB_CHARGE_FUEL(L, len);
        luaL_addlstring(&b, s, len);
        luaL_addchar(&b, '\0');
        total += len + 1;
        break;
      }
      case PK_PAD:
        luaL_addchar(&b, PACK_PADBYTE);
        arg--;   /* consumes no argument */
        break;
      case PK_ALIGN:
      case PK_NOP:
        arg--;
        break;
    }
  }
  luaL_pushresult(&b);
  return 1;
}

int strlib_packsize(lua_State *L) {
  const char *fmt = luaL_checkstring(L, 1);
  PackState st;
  pack_init(&st, L);
  size_t total = 0;
  while (*fmt != '\0') {
    int size, padding;
    PackKind kind = pack_next(&st, total, &fmt, &size, &padding);
    luaL_argcheck(L, kind != PK_STRING && kind != PK_ZSTRING, 1, "variable-length format");
    size += padding;
    luaL_argcheck(L, total <= STRLIB_MAXSIZE - (size_t)size, 1, "format result too large");
    total += (size_t)size;
  }
  lua_pushinteger(L, (lua_Integer)total);
  return 1;
}

/* Read a `size`-byte integer. Narrower than lua_Integer: sign-extend when signed.
 * Wider: the extra bytes must be pure sign extension, else the value does not fit. */
static lua_Integer unpack_int(lua_State *L, const char *src, int little, int size,
                              int is_signed) {
  lua_Unsigned result = 0;
  int used = size <= PACK_INTSIZE ? size : PACK_INTSIZE;
  for (int i = used - 1; i >= 0; i--) {
    result <<= 8;
    result |= (lua_Unsigned)(unsigned char)src[little ? i : size - 1 - i];
  }
  if (size < PACK_INTSIZE) {
    if (is_signed) {
      lua_Unsigned sign = (lua_Unsigned)1 << (size * 8 - 1);
      result = (result ^ sign) - sign;
    }
  } else if (size > PACK_INTSIZE) {
    unsigned char extension = (!is_signed || (lua_Integer)result >= 0) ? 0 : 0xff;
    for (int i = used; i < size; i++) {
      if ((unsigned char)src[little ? i : size - 1 - i] != extension)
        luaL_error(L, "%d-byte integer does not fit into Lua Integer", size);
    }
  }
  return (lua_Integer)result;
}

int strlib_unpack(lua_State *L) {
  const char *fmt = luaL_checkstring(L, 1);
  size_t dlen;
  const char *data = luaL_checklstring(L, 2, &dlen);
  size_t pos = strlib_start_pos(luaL_optinteger(L, 3, 1), dlen) - 1;
  luaL_argcheck(L, pos <= dlen, 3, "initial position out of string");
  PackState st;
  pack_init(&st, L);
  int nresults = 0;
  while (*fmt != '\0') {
    int size, padding;
    PackKind kind = pack_next(&st, pos, &fmt, &size, &padding);
    luaL_argcheck(L, (size_t)padding + (size_t)size <= dlen - pos, 2,
                  "data string too short");
    pos += (size_t)padding;
    luaL_checkstack(L, 2, "too many results");   /* this item and the final position */
    nresults++;
    switch (kind) {
      case PK_INT:
      case PK_UINT:
        lua_pushinteger(L, unpack_int(L, data + pos, st.little, size, kind == PK_INT));
        break;
      case PK_FLOAT: {
        float x;
        pack_copy_ordered((char *)&x, data + pos, (int)sizeof x, st.little);
        lua_pushnumber(L, (lua_Number)x);
        break;
      }
      case PK_NUMBER: {
        lua_Number x;
        pack_copy_ordered((char *)&x, data + pos, (int)sizeof x, st.little);
        lua_pushnumber(L, x);
        break;
      }
      case PK_DOUBLE: {
        double x;
        pack_copy_ordered((char *)&x, data + pos, (int)sizeof x, st.little);
        lua_pushnumber(L, (lua_Number)x);
        break;
      }
      case PK_FIXED:
        lua_pushlstring(L, data + pos, (size_t)size);
        break;
      case PK_STRING: {
        size_t len = (size_t)unpack_int(L, data + pos, st.little, size, 0);
        luaL_argcheck(L, len <= dlen - pos - (size_t)size, 2, "data string too short");
        lua_pushlstring(L, data + pos + size, len);
        pos += len;
        break;
      }
      case PK_ZSTRING: {
        const char *zero = memchr(data + pos, '\0', dlen - pos);
        size_t len = zero != NULL ? (size_t)(zero - (data + pos)) : dlen - pos;
        luaL_argcheck(L, pos + len < dlen, 2, "unfinished string for format 'z'");
        lua_pushlstring(L, data + pos, len);
        pos += len + 1;
        break;
      }
      case PK_PAD:
      case PK_ALIGN:
      case PK_NOP:
        nresults--;
        break;
    }
    pos += (size_t)size;
  }
  lua_pushinteger(L, (lua_Integer)pos + 1);
  return nresults + 1;
}
