/* Binary chunk reader (spec/bytecode-format.md). Reads from one buffer, checking
 * every count against the bytes left before allocating, so a hostile length cannot
 * ask for more memory than the chunk's own size implies. Errors use lua5.4's
 * "bad binary format (...)" wording; the finished tree goes through the verifier. */
#include <stdio.h>
#include <string.h>

#include "undump.h"
#include "dump.h"
#include "verify.h"
#include "../vm/api.h"
#include "../vm/call.h"
#include "../vm/func.h"
#include "../vm/gc.h"
#include "../vm/str.h"

/* Upper bounds on counts; the compiler never produces more (codegen limits code to
 * 2^26 words, instruction operands address 2^16 prototypes and 256 upvalues). */
#define MAX_CODE   (1 << 26)
#define MAX_K      (1 << 26)
#define MAX_P      (MAXARG_D + 1)
#define MAX_UPVAL  255
#define MAX_LOCVAR (1 << 26)

typedef struct LoadState {
  lua_State *L;
  const unsigned char *p, *end;
  const char *name;   /* chunk name for messages */
  int depth;          /* current prototype nesting */
} LoadState;

static NORETURN void load_error(LoadState *S, const char *why) {
  api_pushfstring(S->L, "%s: bad binary format (%s)", S->name, why);
  vm_throw(S->L, LUA_ERRSYNTAX);
}

static size_t left(LoadState *S) {
  return (size_t)(S->end - S->p);
}

static const unsigned char *get_bytes(LoadState *S, size_t n) {
  if (left(S) < n)
    load_error(S, "truncated chunk");
  const unsigned char *b = S->p;
  S->p += n;
  return b;
}

static int get_byte(LoadState *S) {
  return *get_bytes(S, 1);
}

static uint64_t get_varint(LoadState *S) {
  uint64_t x = 0;
  for (int shift = 0;; shift += 7) {
    int b = get_byte(S);
    if (shift == 63 && (b & 0x7E))
      load_error(S, "integer overflow");
    x |= (uint64_t)(b & 0x7F) << shift;
    if (!(b & 0x80))
      return x;
    if (shift >= 63)
      load_error(S, "integer overflow");
  }
}

/* A count of items, each at least `minsize` bytes: rejected when the rest of the
 * chunk cannot hold that many, so no allocation exceeds the input's size. */
static int get_count(LoadState *S, uint64_t limit, size_t minsize, const char *what) {
  uint64_t n = get_varint(S);
  if (n > limit) {
    char msg[80];
    snprintf(msg, sizeof msg, "too many %s", what);
    load_error(S, msg);
  }
  if (minsize > 0 && n > left(S) / minsize)
    load_error(S, "truncated chunk");
  return (int)n;
}

/* Line numbers and pcs are stored as unsigned 32-bit quantities (ints in Proto). */
static int get_int32(LoadState *S) {
  uint64_t x = get_varint(S);
  if (x > UINT32_MAX)
    load_error(S, "integer overflow");
  return (int)(int32_t)(uint32_t)x;
}

static uint64_t get_u64(LoadState *S) {
  const unsigned char *b = get_bytes(S, 8);
  uint64_t x = 0;
  for (int i = 7; i >= 0; i--)
    x = (x << 8) | b[i];
  return x;
}

static lua_Number get_num(LoadState *S) {
  uint64_t bits = get_u64(S);
  lua_Number n;
  memcpy(&n, &bits, sizeof n);
  return n;
}

static String *get_string(LoadState *S) {
  uint64_t size = get_varint(S);
  if (size == 0)
    return NULL;
  size--;
  if (size > left(S))
    load_error(S, "truncated chunk");
  const unsigned char *b = get_bytes(S, (size_t)size);
  return str_new(S->L, (const char *)b, (size_t)size);
}

static void check_literal(LoadState *S, const char *lit, size_t n, const char *why) {
  const unsigned char *b = get_bytes(S, n);
  if (memcmp(b, lit, n) != 0)
    load_error(S, why);
}

static void check_size(LoadState *S, size_t size, const char *what) {
  if ((size_t)get_byte(S) != size) {
    char msg[60];
    snprintf(msg, sizeof msg, "%s size mismatch", what);
    load_error(S, msg);
  }
}

static void check_header(LoadState *S) {
  check_literal(S, &LUA_SIGNATURE[1], 3, "not a binary chunk");  /* 1st byte seen */
  if (get_byte(S) != CVB_VERSION)
    load_error(S, "version mismatch");
  if (get_byte(S) != CVB_FORMAT)
    load_error(S, "format mismatch");
  check_literal(S, CVB_DATA, 6, "corrupted chunk");
  check_size(S, sizeof(Instruction), "Instruction");
  check_size(S, sizeof(lua_Integer), "lua_Integer");
  check_size(S, sizeof(lua_Number), "lua_Number");
  if ((lua_Integer)get_u64(S) != CVB_INT)
    load_error(S, "integer format mismatch");
  if (get_num(S) != CVB_NUM)
    load_error(S, "float format mismatch");
  /* The header so far is byte for byte lua5.4's; a Cove chunk goes on with its mark. */
  check_literal(S, CVB_MARK, 4, "not a Cove chunk: PUC Lua bytecode cannot be loaded");
  if (get_byte(S) != CVB_REVISION)
    load_error(S, "Cove bytecode revision mismatch");
}

static void load_constants(LoadState *S, Proto *f) {
  int n = get_count(S, MAX_K, 1, "constants");
  f->k = gc_alloc(S->L, sizeof(Value) * (size_t)(n ? n : 1));  /* zeroed: all nil */
  f->sizek = n;
  for (int i = 0; i < n; i++) {
    Value *o = &f->k[i];
    switch (get_byte(S)) {
      case CVB_TNIL: setnilvalue(o); break;
      case CVB_TFALSE: setbfalse(o); break;
      case CVB_TTRUE: setbtrue(o); break;
      case CVB_TINT: setivalue(o, (lua_Integer)get_u64(S)); break;
      case CVB_TFLT: setfltvalue(o, get_num(S)); break;
      case CVB_TSHRSTR:
      case CVB_TLNGSTR: {
        String *s = get_string(S);
        if (s == NULL)
          load_error(S, "missing string constant");
        setsvalue(o, s);
        break;
      }
      default:
        load_error(S, "bad constant type");
    }
  }
}

static Proto *load_function(LoadState *S, String *psource);

static void load_upvalues(LoadState *S, Proto *f) {
  int n = get_count(S, MAX_UPVAL, 3, "upvalues");
  f->upvalues = gc_alloc(S->L, sizeof(UpvalDesc) * (size_t)(n ? n : 1));
  f->sizeupvalues = n;
  for (int i = 0; i < n; i++) {
    f->upvalues[i].instack = (uint8_t)get_byte(S);
    f->upvalues[i].idx = (uint8_t)get_byte(S);
    f->upvalues[i].kind = (uint8_t)get_byte(S);
  }
}

static void load_protos(LoadState *S, Proto *f) {
  int n = get_count(S, MAX_P, 13, "nested functions");
  f->p = gc_alloc(S->L, sizeof(Proto *) * (size_t)(n ? n : 1));
  if (n > 0 && ++S->depth > CVB_MAXNEST)
    load_error(S, "functions nested too deeply");
  for (int i = 0; i < n; i++) {
    f->p[i] = load_function(S, f->source);
    f->sizep = i + 1;  /* the collector sees only finished entries */
  }
  if (n > 0)
    S->depth--;
}

static void load_debug(LoadState *S, Proto *f) {
  int n = get_count(S, MAX_CODE, 1, "line entries");
  if (n != 0 && n != f->sizecode)
    load_error(S, "line information does not match the code");
  if (n > 0) {
    f->lineinfo = gc_alloc_atomic(S->L, sizeof(int32_t) * (size_t)n);
    int64_t line = f->linedefined;
    for (int i = 0; i < n; i++) {
      uint64_t z = get_varint(S);
      int64_t delta = (int64_t)(z >> 1) ^ -(int64_t)(z & 1);
      line += delta;
      if (line < INT32_MIN || line > INT32_MAX)
        load_error(S, "integer overflow");
      f->lineinfo[i] = (int32_t)line;
    }
  }
  f->sizelineinfo = n;
  n = get_count(S, MAX_LOCVAR, 3, "local variables");
  f->locvars = gc_alloc(S->L, sizeof(LocVar) * (size_t)(n ? n : 1));
  f->sizelocvars = n;
  for (int i = 0; i < n; i++) {
    f->locvars[i].name = get_string(S);
    f->locvars[i].startpc = get_int32(S);
    f->locvars[i].endpc = get_int32(S);
  }
  n = get_count(S, MAX_UPVAL, 1, "upvalue names");
  if (n != 0 && n != f->sizeupvalues)
    load_error(S, "upvalue names do not match the upvalues");
  for (int i = 0; i < n; i++)
    f->upvalues[i].name = get_string(S);
}

static Proto *load_function(LoadState *S, String *psource) {
  lua_State *L = S->L;
  Proto *f = func_newproto(L);
  f->source = get_string(S);
  if (f->source == NULL)
    f->source = psource;
  f->linedefined = get_int32(S);
  f->lastlinedefined = get_int32(S);
  f->numparams = (uint8_t)get_byte(S);
  f->is_vararg = (uint8_t)get_byte(S);
  f->maxstacksize = (uint8_t)get_byte(S);
  int n = get_count(S, MAX_CODE, 4, "instructions");
  f->code = gc_alloc_atomic(L, sizeof(Instruction) * (size_t)(n ? n : 1));
  for (int i = 0; i < n; i++) {
    const unsigned char *b = get_bytes(S, 4);
    f->code[i] = (Instruction)b[0] | (Instruction)b[1] << 8 | (Instruction)b[2] << 16 |
                 (Instruction)b[3] << 24;
  }
  f->sizecode = n;
  load_constants(S, f);
  load_upvalues(S, f);
  load_protos(S, f);
  load_debug(S, f);
  return f;
}

/* Set A = 1 in the ENTER of f and of every nested function: the interpreter then clears
 * the frame's registers above the parameters on entry. Compiled code never reads a
 * register before writing it; a loaded chunk might, and would see values left there by
 * earlier calls on the same stack (a host's globals table, say): verified bytecode must
 * not reach what it was not given. */
static void clear_on_entry(Proto *f) {
  int first = f->is_vararg ? 1 : 0;
  if (first < f->sizecode && GET_OP(f->code[first]) == OP_ENTER)
    f->code[first] = CREATE_AD(OP_ENTER, 1, GET_D(f->code[first]));
  for (int i = 0; i < f->sizep; i++)
    clear_on_entry(f->p[i]);
}

static Proto *undump(lua_State *L, const char *buf, size_t len, const char *chunkname,
                     int verify) {
  LoadState S;
  S.L = L;
  S.p = (const unsigned char *)buf;
  S.end = S.p + len;
  S.depth = 0;
  if (*chunkname == '@' || *chunkname == '=')
    S.name = chunkname + 1;
  else if (*chunkname == LUA_SIGNATURE[0])
    S.name = "binary string";
  else
    S.name = chunkname;
  if (len == 0 || buf[0] != LUA_SIGNATURE[0])
    load_error(&S, "not a binary chunk");
  S.p++;
  check_header(&S);
  int nupvalues = get_byte(&S);
  Proto *f = load_function(&S, NULL);
  if (nupvalues != f->sizeupvalues)
    load_error(&S, "upvalue count mismatch");
  if (S.p != S.end)
    load_error(&S, "extra bytes after the chunk");
  if (verify) {
    char why[200];
    if (cmp_verify(f, why, sizeof why) != NULL)
      load_error(&S, why);
  }
  clear_on_entry(f);
  return f;
}

Proto *cmp_undump(lua_State *L, const char *buf, size_t len, const char *chunkname) {
  return undump(L, buf, len, chunkname, 1);
}

Proto *cmp_undump_unverified(lua_State *L, const char *buf, size_t len,
                             const char *chunkname) {
  return undump(L, buf, len, chunkname, 0);
}
