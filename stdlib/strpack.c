/* string.pack, string.unpack and string.packsize: binary serialisation driven by a
 * format string (endianness < > =, alignment !n, integers b B h H l L j J T i[n] I[n],
 * floats f d n, strings s[n] z c[n], padding x and X). Layout, limits and error
 * messages follow lua5.4; integers of up to 16 bytes are sign-extended or checked. */
#include <stddef.h>
#include <stdint.h>
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

/* Padding that brings `offset` to a multiple of `align` (a power of 2). */
static inline int pack_padding(size_t offset, int align) {
  return (align - (int)(offset & (size_t)(align - 1))) & (align - 1);
}

/* Read the next option and work out the padding that must precede it at offset
 * `offset`. An item aligns to its own size, capped by '!'; X takes the alignment of
 * the option after it, which it consumes without packing anything. */
static PackKind pack_next(PackState *st, size_t offset, const char **fmt, int *size,
                          int *padding, int *alignment) {
  PackKind kind = pack_read_option(st, fmt, size);
  int align = *size;
  if (kind == PK_ALIGN) {
    if (**fmt == '\0' || pack_read_option(st, fmt, &align) == PK_FIXED || align == 0)
      luaL_argerror(st->L, 1, "invalid next option for option 'X'");
  }
  if (align <= 1 || kind == PK_FIXED) {
    align = 1;
  } else {
    if (align > st->maxalign)
      align = st->maxalign;
    if ((align & (align - 1)) != 0)
      luaL_argerror(st->L, 1, "format asks for alignment not power of 2");
  }
  *alignment = align;
  *padding = pack_padding(offset, align);
  return kind;
}

/* ---- formats already read ----
 * pack and unpack read their format as they go, so its errors and the arguments' come
 * in lua5.4's order. A format read to its end without error is remembered as the list of
 * its items (a few per thread, by content): the next call with the same format walks the
 * list instead of reading it again. Reading is deterministic, so the list raises no
 * error reading would not; the items' own checks run as before. */

#define PACK_CACHE_SLOTS   4
#define PACK_CACHE_FMTMAX  64   /* longest format remembered */
#define PACK_CACHE_ITEMS   32   /* most options (settings and spaces included) */

typedef struct PackItem {
  uint8_t kind;     /* PackKind */
  uint8_t little;   /* endianness in force */
  uint16_t align;   /* 1: none */
  int size;
} PackItem;

typedef struct PackFormat {
  size_t len;                /* 0: empty slot */
  char fmt[PACK_CACHE_FMTMAX];
  int nitems;
  PackItem items[PACK_CACHE_ITEMS];
} PackFormat;

/* The list being recorded during one read of a format. */
typedef struct PackRecord {
  int ok;                    /* still fits */
  int nitems;
  PackItem items[PACK_CACHE_ITEMS];
} PackRecord;

static __thread PackFormat pack_cache[PACK_CACHE_SLOTS];
static __thread unsigned pack_cache_next;

static const PackFormat *pack_cache_find(const char *fmt, size_t len) {
  if (len == 0 || len > PACK_CACHE_FMTMAX)
    return NULL;
  for (int i = 0; i < PACK_CACHE_SLOTS; i++) {
    const PackFormat *pf = &pack_cache[i];
    if (pf->len == len && memcmp(pf->fmt, fmt, len) == 0)
      return pf;
  }
  return NULL;
}

static void pack_record_start(PackRecord *rec, size_t fmtlen) {
  rec->ok = fmtlen > 0 && fmtlen <= PACK_CACHE_FMTMAX;
  rec->nitems = 0;
}

static void pack_record(PackRecord *rec, const PackItem *it) {
  if (!rec->ok)
    return;
  if (rec->nitems == PACK_CACHE_ITEMS)
    rec->ok = 0;
  else
    rec->items[rec->nitems++] = *it;
}

static void pack_record_finish(const PackRecord *rec, const char *fmt, size_t len) {
  if (!rec->ok)
    return;
  PackFormat *pf = &pack_cache[pack_cache_next++ % PACK_CACHE_SLOTS];
  pf->len = len;
  memcpy(pf->fmt, fmt, len);
  pf->nitems = rec->nitems;
  memcpy(pf->items, rec->items, (size_t)rec->nitems * sizeof(PackItem));
}

/* Walks a format's items: from a remembered list, or reading the format (and recording
 * it, to be remembered once read to its end). */
typedef struct PackCursor {
  const PackFormat *known;   /* NULL: reading */
  int next;                  /* index into known->items */
  PackState st;
  const char *fmt, *f;
  PackRecord rec;
} PackCursor;

static void pack_cursor_init(PackCursor *cur, lua_State *L, const char *fmt, size_t fmtlen) {
  cur->known = pack_cache_find(fmt, fmtlen);
  cur->next = 0;
  if (cur->known == NULL) {
    pack_init(&cur->st, L);
    cur->fmt = cur->f = fmt;
    pack_record_start(&cur->rec, fmtlen);
  }
}

/* The next item at `offset`: its kind, size, padding and endianness; 0 at the end. */
static int pack_cursor_next(PackCursor *cur, size_t offset, PackItem *it, int *padding) {
  if (cur->known != NULL) {
    if (cur->next == cur->known->nitems)
      return 0;
    *it = cur->known->items[cur->next++];
    *padding = pack_padding(offset, it->align);
    return 1;
  }
  if (*cur->f == '\0') {
    pack_record_finish(&cur->rec, cur->fmt, (size_t)(cur->f - cur->fmt));
    return 0;
  }
  int size, align;
  PackKind kind = pack_next(&cur->st, offset, &cur->f, &size, padding, &align);
  it->kind = (uint8_t)kind;
  it->little = (uint8_t)cur->st.little;
  it->align = (uint16_t)align;
  it->size = size;
  pack_record(&cur->rec, it);
  return 1;
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

/* Packs one item (after its padding) from argument *arg; *total counts the bytes the
 * format itself implies plus string bodies, as lua5.4 does. */
static void pack_item(lua_State *L, luaL_Buffer *b, PackKind kind, int size, int little,
                      int *arg, size_t *total) {
  int a = ++*arg;
  switch (kind) {
    case PK_INT: {
      lua_Integer n = luaL_checkinteger(L, a);
      if (size < PACK_INTSIZE) {
        lua_Integer limit = (lua_Integer)1 << (size * 8 - 1);
        luaL_argcheck(L, -limit <= n && n < limit, a, "integer overflow");
      }
      pack_int(b, (lua_Unsigned)n, little, size, n < 0);
      break;
    }
    case PK_UINT: {
      lua_Integer n = luaL_checkinteger(L, a);
      if (size < PACK_INTSIZE)
        luaL_argcheck(L, (lua_Unsigned)n < ((lua_Unsigned)1 << (size * 8)), a,
                      "unsigned overflow");
      pack_int(b, (lua_Unsigned)n, little, size, 0);
      break;
    }
    case PK_FLOAT: {
      float x = (float)luaL_checknumber(L, a);
      pack_copy_ordered(luaL_prepbuffsize(b, sizeof x), (const char *)&x, (int)sizeof x, little);
      luaL_addsize(b, sizeof x);
      break;
    }
    case PK_NUMBER: {
      lua_Number x = luaL_checknumber(L, a);
      pack_copy_ordered(luaL_prepbuffsize(b, sizeof x), (const char *)&x, (int)sizeof x, little);
      luaL_addsize(b, sizeof x);
      break;
    }
    case PK_DOUBLE: {
      double x = (double)luaL_checknumber(L, a);
      pack_copy_ordered(luaL_prepbuffsize(b, sizeof x), (const char *)&x, (int)sizeof x, little);
      luaL_addsize(b, sizeof x);
      break;
    }
    case PK_FIXED: {
      size_t len;
      const char *s = luaL_checklstring(L, a, &len);
      luaL_argcheck(L, len <= (size_t)size, a, "string longer than given size");
      STRLIB_CHARGE_FUEL(L, size);
      luaL_addlstring(b, s, len);
      for (size_t i = len; i < (size_t)size; i++)
        luaL_addchar(b, PACK_PADBYTE);
      break;
    }
    case PK_STRING: {
      size_t len;
      const char *s = luaL_checklstring(L, a, &len);
      luaL_argcheck(L, size >= (int)sizeof(size_t) ||
                       len < ((size_t)1 << (size * 8)),
                    a, "string length does not fit in given size");
      STRLIB_CHARGE_FUEL(L, len);
      pack_int(b, (lua_Unsigned)len, little, size, 0);
      luaL_addlstring(b, s, len);
      *total += len;
      break;
    }
    case PK_ZSTRING: {
      size_t len;
      const char *s = luaL_checklstring(L, a, &len);
      luaL_argcheck(L, strlen(s) == len, a, "string contains zeros");
      STRLIB_CHARGE_FUEL(L, len);
      luaL_addlstring(b, s, len);
      luaL_addchar(b, '\0');
      *total += len + 1;
      break;
    }
    case PK_PAD:
      luaL_addchar(b, PACK_PADBYTE);
      --*arg;   /* consumes no argument */
      break;
    case PK_ALIGN:
    case PK_NOP:
      --*arg;
      break;
  }
}

static void pack_add_padding(luaL_Buffer *b, int padding) {
  for (int i = 0; i < padding; i++)
    luaL_addchar(b, PACK_PADBYTE);
}

int strlib_pack(lua_State *L) {
  size_t fmtlen;
  const char *fmt = luaL_checklstring(L, 1, &fmtlen);
  int arg = 1;
  size_t total = 0;
  lua_pushnil(L);   /* keeps the arguments below whatever the buffer pushes */
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  PackCursor cur;
  pack_cursor_init(&cur, L, fmt, fmtlen);
  PackItem it;
  int padding;
  while (pack_cursor_next(&cur, total, &it, &padding)) {
    total += (size_t)padding + (size_t)it.size;
    pack_add_padding(&b, padding);
    pack_item(L, &b, (PackKind)it.kind, it.size, it.little, &arg, &total);
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
    int size, padding, align;
    PackKind kind = pack_next(&st, total, &fmt, &size, &padding, &align);
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

/* Room for this item and the final position, as lua5.4 checks it before each item
 * ("too many results"); asked of the stack in steps of 32 slots, not per item. */
static void unpack_room(lua_State *L, int *room) {
  if (*room >= 2) {
    *room -= 1;
    return;
  }
  if (lua_checkstack(L, 32)) {
    *room = 31;
  } else {
    luaL_checkstack(L, 2, "too many results");
    *room = 1;
  }
}

/* Unpacks one item at data + *pos (its padding skipped); returns how many values it
 * pushed (0 or 1). */
static int unpack_item(lua_State *L, const char *data, size_t dlen, size_t *pos,
                       PackKind kind, int size, int padding, int little, int *room) {
  luaL_argcheck(L, (size_t)padding + (size_t)size <= dlen - *pos, 2,
                "data string too short");
  *pos += (size_t)padding;
  unpack_room(L, room);
  size_t p = *pos;
  int pushed = 1;
  switch (kind) {
    case PK_INT:
    case PK_UINT:
      lua_pushinteger(L, unpack_int(L, data + p, little, size, kind == PK_INT));
      break;
    case PK_FLOAT: {
      float x;
      pack_copy_ordered((char *)&x, data + p, (int)sizeof x, little);
      lua_pushnumber(L, (lua_Number)x);
      break;
    }
    case PK_NUMBER: {
      lua_Number x;
      pack_copy_ordered((char *)&x, data + p, (int)sizeof x, little);
      lua_pushnumber(L, x);
      break;
    }
    case PK_DOUBLE: {
      double x;
      pack_copy_ordered((char *)&x, data + p, (int)sizeof x, little);
      lua_pushnumber(L, (lua_Number)x);
      break;
    }
    case PK_FIXED:
      lua_pushlstring(L, data + p, (size_t)size);
      break;
    case PK_STRING: {
      size_t len = (size_t)unpack_int(L, data + p, little, size, 0);
      luaL_argcheck(L, len <= dlen - p - (size_t)size, 2, "data string too short");
      lua_pushlstring(L, data + p + size, len);
      p += len;
      break;
    }
    case PK_ZSTRING: {
      const char *zero = memchr(data + p, '\0', dlen - p);
      size_t len = zero != NULL ? (size_t)(zero - (data + p)) : dlen - p;
      luaL_argcheck(L, p + len < dlen, 2, "unfinished string for format 'z'");
      lua_pushlstring(L, data + p, len);
      p += len + 1;
      break;
    }
    case PK_PAD:
    case PK_ALIGN:
    case PK_NOP:
      pushed = 0;
      break;
  }
  *pos = p + (size_t)size;
  return pushed;
}

int strlib_unpack(lua_State *L) {
  size_t fmtlen;
  const char *fmt = luaL_checklstring(L, 1, &fmtlen);
  size_t dlen;
  const char *data = luaL_checklstring(L, 2, &dlen);
  size_t pos = strlib_start_pos(luaL_optinteger(L, 3, 1), dlen) - 1;
  luaL_argcheck(L, pos <= dlen, 3, "initial position out of string");
  int nresults = 0, room = 0;
  PackCursor cur;
  pack_cursor_init(&cur, L, fmt, fmtlen);
  PackItem it;
  int padding;
  while (pack_cursor_next(&cur, pos, &it, &padding))
    nresults += unpack_item(L, data, dlen, &pos, (PackKind)it.kind, it.size, padding,
                            it.little, &room);
  lua_pushinteger(L, (lua_Integer)pos + 1);
  return nresults + 1;
}
