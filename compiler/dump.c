/* Binary chunk writer (spec/bytecode-format.md). The whole chunk is built in one
 * collector-owned buffer and handed to the writer at the end, so a writer that
 * raises an error leaks nothing. Multi-byte fields are written little-endian byte by
 * byte, so a chunk means the same on every host. */
#include <string.h>

#include "dump.h"
#include "../vm/gc.h"

typedef struct DumpState {
  lua_State *L;
  unsigned char *buf;
  size_t len, cap;
  int strip;
} DumpState;

static void grow(DumpState *D, size_t need) {
  if (D->len + need <= D->cap)
    return;
  size_t ncap = D->cap ? D->cap : 256;
  while (ncap < D->len + need)
    ncap *= 2;
  D->buf = D->buf ? gc_realloc(D->L, D->buf, D->cap, ncap) : gc_alloc_atomic(D->L, ncap);
  D->cap = ncap;
}

static void put_bytes(DumpState *D, const void *p, size_t n) {
  grow(D, n);
  memcpy(D->buf + D->len, p, n);
  D->len += n;
}

static void put_byte(DumpState *D, int b) {
  unsigned char c = (unsigned char)b;
  put_bytes(D, &c, 1);
}

/* Unsigned LEB128: 7 bits a byte, low group first, high bit set on all but the last. */
static void put_varint(DumpState *D, uint64_t x) {
  do {
    int b = (int)(x & 0x7F);
    x >>= 7;
    put_byte(D, x ? b | 0x80 : b);
  } while (x);
}

/* Signed values (line deltas) zigzag-encoded so small negatives stay short. */
static void put_svarint(DumpState *D, int64_t x) {
  put_varint(D, ((uint64_t)x << 1) ^ (uint64_t)(x >> 63));
}

static void put_u32(DumpState *D, uint32_t x) {
  unsigned char b[4];
  for (int i = 0; i < 4; i++)
    b[i] = (unsigned char)(x >> (8 * i));
  put_bytes(D, b, 4);
}

static void put_u64(DumpState *D, uint64_t x) {
  unsigned char b[8];
  for (int i = 0; i < 8; i++)
    b[i] = (unsigned char)(x >> (8 * i));
  put_bytes(D, b, 8);
}

static void put_int(DumpState *D, lua_Integer i) {
  put_u64(D, (uint64_t)i);
}

static void put_num(DumpState *D, lua_Number n) {
  uint64_t bits;
  memcpy(&bits, &n, sizeof bits);
  put_u64(D, bits);
}

/* Strings: length + 1 as a varint (0 stands for "no string"), then the bytes. */
static void put_string(DumpState *D, const String *s) {
  if (s == NULL) {
    put_varint(D, 0);
    return;
  }
  put_varint(D, (uint64_t)s->len + 1);
  put_bytes(D, getstr(s), s->len);
}

static void put_constant(DumpState *D, const Value *v) {
  switch (v->tt) {
    case TAG_FALSE: put_byte(D, CVB_TFALSE); break;
    case TAG_TRUE: put_byte(D, CVB_TTRUE); break;
    case TAG_INT: put_byte(D, CVB_TINT); put_int(D, ivalue(v)); break;
    case TAG_FLT: put_byte(D, CVB_TFLT); put_num(D, fltvalue(v)); break;
    case TAG_STR: {
      const String *s = strvalue(v);
      put_byte(D, s->is_short ? CVB_TSHRSTR : CVB_TLNGSTR);
      put_string(D, s);
      break;
    }
    default: put_byte(D, CVB_TNIL); break;  /* constants are never other types */
  }
}

static void put_function(DumpState *D, const Proto *f, const String *psource) {
  /* the source is written once, at the outermost function that has it */
  put_string(D, (D->strip || f->source == psource) ? NULL : f->source);
  put_varint(D, (uint64_t)(uint32_t)f->linedefined);
  put_varint(D, (uint64_t)(uint32_t)f->lastlinedefined);
  put_byte(D, f->numparams);
  put_byte(D, f->is_vararg);
  put_byte(D, f->maxstacksize);
  put_varint(D, (uint64_t)f->sizecode);
  for (int i = 0; i < f->sizecode; i++) {
    Instruction ins = f->code[i];
    if (GET_OP(ins) == OP_ENTER)  /* A = 1 is the loader's mark, not part of the format */
      ins = CREATE_AD(OP_ENTER, 0, GET_D(ins));
    put_u32(D, ins);
  }
  put_varint(D, (uint64_t)f->sizek);
  for (int i = 0; i < f->sizek; i++)
    put_constant(D, &f->k[i]);
  put_varint(D, (uint64_t)f->sizeupvalues);
  for (int i = 0; i < f->sizeupvalues; i++) {
    put_byte(D, f->upvalues[i].instack);
    put_byte(D, f->upvalues[i].idx);
    put_byte(D, f->upvalues[i].kind);
  }
  put_varint(D, (uint64_t)f->sizep);
  for (int i = 0; i < f->sizep; i++)
    put_function(D, f->p[i], f->source);
  /* debug information: absolute lines as deltas, locals, upvalue names */
  int nline = D->strip ? 0 : f->sizelineinfo;
  put_varint(D, (uint64_t)nline);
  int64_t prev = f->linedefined;
  for (int i = 0; i < nline; i++) {
    put_svarint(D, (int64_t)f->lineinfo[i] - prev);
    prev = f->lineinfo[i];
  }
  int nloc = D->strip ? 0 : f->sizelocvars;
  put_varint(D, (uint64_t)nloc);
  for (int i = 0; i < nloc; i++) {
    put_string(D, f->locvars[i].name);
    put_varint(D, (uint64_t)(uint32_t)f->locvars[i].startpc);
    put_varint(D, (uint64_t)(uint32_t)f->locvars[i].endpc);
  }
  int nupname = D->strip ? 0 : f->sizeupvalues;
  put_varint(D, (uint64_t)nupname);
  for (int i = 0; i < nupname; i++)
    put_string(D, f->upvalues[i].name);
}

static void put_header(DumpState *D, const Proto *p) {
  put_bytes(D, LUA_SIGNATURE, 4);
  put_byte(D, CVB_VERSION);
  put_byte(D, CVB_FORMAT);
  put_bytes(D, CVB_DATA, 6);
  put_byte(D, (int)sizeof(Instruction));
  put_byte(D, (int)sizeof(lua_Integer));
  put_byte(D, (int)sizeof(lua_Number));
  put_int(D, CVB_INT);
  put_num(D, CVB_NUM);
  put_bytes(D, CVB_MARK, 4);
  put_byte(D, CVB_REVISION);
  put_byte(D, p->sizeupvalues);
}

int cmp_dump(lua_State *L, const Proto *p, lua_Writer w, void *data, int strip) {
  DumpState D;
  D.L = L;
  D.buf = NULL;
  D.len = D.cap = 0;
  D.strip = strip;
  put_header(&D, p);
  put_function(&D, p, NULL);
  return w(L, D.buf, D.len, data);
}
