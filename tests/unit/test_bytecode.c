/* Contract of compiler/dump.c, compiler/undump.c and compiler/verify.c: chunks round
 * trip, every truncation and corruption is rejected with "bad binary format", random
 * byte flips never crash the loader or the interpreter, and hand-made hostile
 * bytecode (bad registers, constants, jumps, loop structure) is refused. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"
#include "state.h"
#include "../compiler/dump.h"
#include "../compiler/undump.h"
#include "../compiler/verify.h"

static lua_State *L;

static void setup(void) {
  L = luaL_newstate();
  luaL_openlibs(L);
}
static void teardown(void) { lua_close(L); }

TestSuite(bytecode, .init = setup, .fini = teardown);

/* ---- helpers ---- */

typedef struct Buf {
  char *p;
  size_t n;
} Buf;

static int buf_writer(lua_State *L_, const void *piece, size_t size, void *ud) {
  (void)L_;
  Buf *b = ud;
  b->p = realloc(b->p, b->n + size);
  memcpy(b->p + b->n, piece, size);
  b->n += size;
  return 0;
}

static const Proto *compile(const char *src) {
  cr_assert_eq(luaL_loadstring(L, src), LUA_OK, "%s", lua_tostring(L, -1));
  return clLvalue(L->top - 1)->p;  /* stays on the stack, so it stays alive */
}

static Buf dump_proto(const Proto *p, int strip) {
  Buf b = {NULL, 0};
  cr_assert_eq(cmp_dump(L, p, buf_writer, &b, strip), 0);
  return b;
}

typedef struct Once {
  const char *p;
  size_t n;
} Once;

static const char *once_reader(lua_State *L_, void *ud, size_t *size) {
  (void)L_;
  Once *o = ud;
  *size = o->n;
  o->n = 0;
  return o->p;
}

/* lua_load of n bytes in mode "b"; leaves the closure or the message on the stack. */
static int load_bytes(const char *p, size_t n) {
  Once o = {p, n};
  return lua_load(L, once_reader, &o, "=chunk", "b");
}

static void expect_rejected(const Proto *p, const char *why) {
  Buf b = dump_proto(p, 0);
  int status = load_bytes(b.p, b.n);
  cr_assert_eq(status, LUA_ERRSYNTAX, "accepted bytecode that is %s", why);
  const char *msg = lua_tostring(L, -1);
  cr_assert(strstr(msg, "bad binary format") != NULL, "%s: %s", why, msg);
  lua_pop(L, 1);
  free(b.p);
}

/* A writable copy of p (one level; nested protos shared) to damage by hand. */
static Proto *clone(const Proto *p) {
  Proto *c = calloc(1, sizeof(Proto));
  *c = *p;
  c->code = malloc(sizeof(Instruction) * (size_t)p->sizecode);
  memcpy(c->code, p->code, sizeof(Instruction) * (size_t)p->sizecode);
  return c;
}

static int find_op(const Proto *p, int op) {
  for (int pc = 0; pc < p->sizecode; pc++)
    if (GET_OP(p->code[pc]) == op)
      return pc;
  cr_assert_fail("opcode %s not found", op_names[op]);
  return -1;
}

/* ---- round trips ---- */

Test(bytecode, round_trip_keeps_behaviour_and_debug_info) {
  const char *src =
    "local a, b = ...\n"
    "local up = 1\n"
    "local function add(x) up = up + x; return up end\n"
    "local t = {1, 2.5, 'str', true, nil, math.maxinteger, string.rep('x', 100)}\n"
    "for i = 1, 3 do add(i) end\n"
    "for k, v in pairs({x = 1}) do add(v) end\n"
    "return up, #t, t[7]:len(), t[2], add(0)\n";
  const Proto *p = compile(src);
  Buf b = dump_proto(p, 0);
  cr_assert_eq(load_bytes(b.p, b.n), LUA_OK, "%s", lua_tostring(L, -1));
  const Proto *q = clLvalue(L->top - 1)->p;
  cr_assert_eq(q->sizecode, p->sizecode);
  /* the same code, except that the loader marks the header ENTER (A = 1: clear the
   * registers on entry, spec/verifier.md "Stale registers") */
  int enter = p->is_vararg ? 1 : 0;
  cr_assert_eq(GET_OP(p->code[enter]), OP_ENTER);
  cr_assert_eq(GET_A(p->code[enter]), 0, "compiled code leaves ENTER's A at 0");
  cr_assert_eq(GET_A(q->code[enter]), 1, "the loader sets ENTER's A to 1");
  cr_assert_eq(GET_D(q->code[enter]), GET_D(p->code[enter]));
  for (int pc = 0; pc < p->sizecode; pc++)
    if (pc != enter)
      cr_assert_eq(q->code[pc], p->code[pc], "instruction %d differs", pc);
  cr_assert_eq(q->sizek, p->sizek);
  cr_assert_eq(q->sizep, p->sizep);
  cr_assert_eq(q->sizelineinfo, p->sizelineinfo);
  cr_assert_eq(memcmp(q->lineinfo, p->lineinfo, sizeof(int32_t) * (size_t)p->sizelineinfo), 0);
  cr_assert_eq(q->sizelocvars, p->sizelocvars);
  cr_assert_str_eq(getstr(q->source), "local a, b = ...\nlocal up = 1\nlocal function add(x) up = up + x; return up end\nlocal t = {1, 2.5, 'str', true, nil, math.maxinteger, string.rep('x', 100)}\nfor i = 1, 3 do add(i) end\nfor k, v in pairs({x = 1}) do add(v) end\nreturn up, #t, t[7]:len(), t[2], add(0)\n");
  cr_assert_eq(lua_pcall(L, 0, 5, 0), LUA_OK, "%s", lua_tostring(L, -1));
  cr_assert_eq(lua_tointeger(L, -5), 8);
  cr_assert_eq(lua_tointeger(L, -3), 100);
  cr_assert_float_eq(lua_tonumber(L, -2), 2.5, 0);
  /* dumping the loaded function gives the same bytes */
  Buf b2 = dump_proto(q, 0);
  cr_assert_eq(b2.n, b.n);
  cr_assert_eq(memcmp(b2.p, b.p, b.n), 0);
  free(b.p);
  free(b2.p);
}

Test(bytecode, stripped_chunks_have_no_debug_info) {
  const Proto *p = compile("local x = 1\nreturn function() return x end\n");
  Buf full = dump_proto(p, 0), stripped = dump_proto(p, 1);
  cr_assert_lt(stripped.n, full.n);
  cr_assert_eq(load_bytes(stripped.p, stripped.n), LUA_OK, "%s", lua_tostring(L, -1));
  const Proto *q = clLvalue(L->top - 1)->p;
  cr_assert_eq(q->sizelineinfo, 0);
  cr_assert_eq(q->sizelocvars, 0);
  cr_assert_null(q->p[0]->upvalues[0].name);
  free(full.p);
  free(stripped.p);
}

Test(bytecode, text_mode_refuses_binary) {
  const Proto *p = compile("return 1");
  Buf b = dump_proto(p, 0);
  Once o = {b.p, b.n};
  cr_assert_eq(lua_load(L, once_reader, &o, "=x", "t"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to load a binary chunk (mode is 't')");
  free(b.p);
}

/* ---- damaged input ---- */

Test(bytecode, every_truncation_is_rejected) {
  const Proto *p = compile("local t = {} for i = 1, 10 do t[i] = function() return i end end "
                           "return t, 'a long enough string constant', 3.5, 42");
  Buf b = dump_proto(p, 0);
  for (size_t n = 1; n < b.n; n++) {
    int top = lua_gettop(L);
    cr_assert_eq(load_bytes(b.p, n), LUA_ERRSYNTAX, "prefix of %zu bytes accepted", n);
    const char *msg = lua_tostring(L, -1);
    cr_assert(strstr(msg, "chunk: bad binary format (") == msg, "%s", msg);
    lua_settop(L, top);
  }
  free(b.p);
}

Test(bytecode, extra_bytes_and_foreign_headers_are_rejected) {
  const Proto *p = compile("return 1");
  Buf b = dump_proto(p, 0);
  b.p = realloc(b.p, b.n + 1);
  b.p[b.n] = 0;
  cr_assert_eq(load_bytes(b.p, b.n + 1), LUA_ERRSYNTAX);
  cr_assert(strstr(lua_tostring(L, -1), "extra bytes") != NULL);
  b.p[5] = 1;  /* an unofficial format byte */
  cr_assert_eq(load_bytes(b.p, b.n), LUA_ERRSYNTAX);
  cr_assert(strstr(lua_tostring(L, -1), "format mismatch") != NULL);
  b.p[5] = CVB_FORMAT;
  b.p[31] = 'X';  /* Cove's mark after the PUC-identical header */
  cr_assert_eq(load_bytes(b.p, b.n), LUA_ERRSYNTAX);
  cr_assert(strstr(lua_tostring(L, -1), "not a Cove chunk") != NULL);
  b.p[31] = 'C';
  b.p[4] = 0x53;  /* Lua 5.3 */
  cr_assert_eq(load_bytes(b.p, b.n), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "chunk: bad binary format (version mismatch)");
  free(b.p);
}

/* Count hook: stops mutated code that happens to loop forever. */
static void stop_hook(lua_State *L_, lua_Debug *ar) {
  (void)ar;
  luaL_error(L_, "instruction budget exhausted");
}

Test(bytecode, random_byte_flips_never_crash) {
  const Proto *p = compile(
    "local t, s = {}, 0\n"
    "for i = 1, 20 do t[#t + 1] = i * 2 end\n"
    "for _, v in ipairs(t) do s = s + v end\n"
    "local function f(a, ...) local n = select('#', ...) return a and n or -n end\n"
    "local str = ('x'):rep(3) .. tostring(s)\n"
    "while s > 10 do s = s // 2 end\n"
    "return f(s, 1, 2), str, {1, 2, 3, k = 'v'}\n");
  Buf b = dump_proto(p, 0);
  char *m = malloc(b.n);
  unsigned seed = 12345;
  int loaded = 0;
  for (int iter = 0; iter < 3000; iter++) {
    memcpy(m, b.p, b.n);
    int flips = 1 + iter % 3;
    for (int k = 0; k < flips; k++) {
      seed = seed * 1103515245u + 12345u;
      size_t at = 30 + (seed >> 8) % (b.n - 30);  /* past the header */
      seed = seed * 1103515245u + 12345u;
      m[at] ^= (char)(1 + (seed >> 16) % 255);
    }
    int top = lua_gettop(L);
    if (load_bytes(m, b.n) == LUA_OK) {
      loaded++;
      /* run it with no globals, under an instruction budget */
      lua_newtable(L);
      lua_setupvalue(L, -2, 1);
      lua_sethook(L, stop_hook, LUA_MASKCOUNT, 100000);
      lua_pcall(L, 0, 0, 0);
      lua_sethook(L, NULL, 0, 0);
    }
    lua_settop(L, top);
  }
  cr_log_info("%d of 3000 mutated chunks loaded", loaded);
  free(m);
  free(b.p);
}

/* ---- hostile bytecode, made by hand ---- */

static const char *hostile_src =
  "local t = {1, 2}\n"
  "local s = 0\n"
  "for i = 1, 3 do s = s + i end\n"
  "if s > 2 then s = t.x end\n"
  "return s, 'a long string constant, longer than forty bytes'\n";

Test(bytecode, compiled_code_passes_the_verifier) {
  const Proto *p = compile(hostile_src);
  char err[200];
  cr_assert_null(cmp_verify(p, err, sizeof err), "%s", err);
}

Test(bytecode, register_beyond_frame) {
  Proto *c = clone(compile(hostile_src));
  int pc = find_op(c, OP_LOADI);
  c->code[pc] = CREATE_AD(OP_LOADI, 200, OFFSET_sD);
  expect_rejected(c, "writing register 200");
}

Test(bytecode, getfield_key_not_a_short_string) {
  Proto *c = clone(compile(hostile_src));
  int pc = find_op(c, OP_GETFIELD);
  Instruction i = c->code[pc];
  int knum = -1;
  for (int k = 0; k < c->sizek; k++)
    if (c->k[k].tt != TAG_STR || !strvalue(&c->k[k])->is_short)
      knum = k;
  cr_assert_geq(knum, 0);
  c->code[pc] = CREATE_ABC(OP_GETFIELD, GET_A(i), GET_B(i), knum);
  expect_rejected(c, "GETFIELD with a long-string key");
}

Test(bytecode, constant_out_of_range) {
  Proto *c = clone(compile(hostile_src));
  int pc = find_op(c, OP_GETFIELD);
  Instruction i = c->code[pc];
  c->code[pc] = CREATE_ABC(OP_GETFIELD, GET_A(i), GET_B(i), 250);
  expect_rejected(c, "constant 250");
}

Test(bytecode, invalid_and_extraarg_opcodes) {
  Proto *c = clone(compile(hostile_src));
  c->code[find_op(c, OP_LOADI)] = 250;
  expect_rejected(c, "opcode 250");
  Proto *d = clone(compile(hostile_src));
  d->code[find_op(d, OP_LOADI)] = OP_EXTRAARG;
  expect_rejected(d, "an executed EXTRAARG");
}

Test(bytecode, jumps_outside_onto_aux_or_backwards) {
  Proto *c = clone(compile(hostile_src));
  int pc = find_op(c, OP_JMP);
  c->code[pc] = CREATE_J(OP_JMP, 1000);
  expect_rejected(c, "a jump past the end");
  int nt = find_op(c, OP_NEWTABLE);
  c->code[pc] = CREATE_J(OP_JMP, (nt + 1) - (pc + 1));
  expect_rejected(c, "a jump onto NEWTABLE's data word");
  c->code[pc] = CREATE_J(OP_JMP, nt - (pc + 1));
  expect_rejected(c, "a backward jump that is not onto LOOP");
}

Test(bytecode, compare_without_jump) {
  Proto *c = clone(compile(hostile_src));
  int pc = 0;
  while (GET_OP(c->code[pc]) != OP_GTI && GET_OP(c->code[pc]) != OP_LTI)
    pc++;
  c->code[pc + 1] = CREATE_ABC(OP_MOVE, 0, 0, 0);
  expect_rejected(c, "a compare not followed by JMP");
}

Test(bytecode, missing_final_return) {
  Proto *c = clone(compile(hostile_src));
  c->code[c->sizecode - 1] = CREATE_ABC(OP_MOVE, 0, 0, 0);
  expect_rejected(c, "falling off the end");
}

Test(bytecode, setlist_on_a_non_table) {
  Proto *c = clone(compile(hostile_src));
  int pc = find_op(c, OP_SETLIST);
  Instruction sl = c->code[pc];
  /* overwrite the table register right before the SETLIST */
  c->code[pc - 1] = CREATE_AD(OP_LOADI, GET_A(sl), OFFSET_sD + 5);
  expect_rejected(c, "SETLIST on an integer");
}

Test(bytecode, for_loop_structure) {
  Proto *c = clone(compile(hostile_src));
  int prep = find_op(c, OP_FORPREP);
  Instruction fp = c->code[prep];
  /* write the loop's limit register inside the body */
  c->code[prep + 1] = CREATE_AD(OP_LOADI, GET_A(fp) + 1, OFFSET_sD);
  expect_rejected(c, "a body writing the for-loop counters");
  Proto *d = clone(compile(hostile_src));
  d->code[prep] = CREATE_AD(OP_FORPREP, GET_A(fp), GET_D(fp) + 1);
  expect_rejected(d, "a FORPREP not matching its FORLOOP");
  Proto *e = clone(compile(hostile_src));
  e->code[prep] = CREATE_AD(OP_LOOP, 0, 1);
  expect_rejected(e, "a FORLOOP without FORPREP");
}

Test(bytecode, vararg_in_fixed_function_and_bad_indices) {
  const Proto *p = compile("local x = 1 return function(a) local y = a return y, x end");
  Proto *outer = clone(p);
  Proto *inner = clone(p->p[0]);
  outer->p = malloc(sizeof(Proto *));
  outer->p[0] = inner;
  int pc = find_op(inner, OP_MOVE);
  inner->code[pc] = CREATE_ABC(OP_VARARG, GET_A(inner->code[pc]), 0, 2);
  expect_rejected(outer, "VARARG in a fixed-parameter function");
  memcpy(inner->code, p->p[0]->code, sizeof(Instruction) * (size_t)inner->sizecode);
  int gu = find_op(inner, OP_GETUPVAL);
  inner->code[gu] = CREATE_ABC(OP_GETUPVAL, GET_A(inner->code[gu]), 9, 0);
  expect_rejected(outer, "upvalue 9 of a one-upvalue function");
  memcpy(inner->code, p->p[0]->code, sizeof(Instruction) * (size_t)inner->sizecode);
  int cl = find_op(outer, OP_CLOSURE);
  outer->code[cl] = CREATE_AD(OP_CLOSURE, GET_A(outer->code[cl]), 3);
  expect_rejected(outer, "closure of prototype 3 of 1");
}

Test(bytecode, frame_too_small_and_upvalue_outside_parent) {
  const Proto *p = compile("local a, b, c = 1, 2, 3 return function() return c end");
  Proto *outer = clone(p);
  outer->maxstacksize = 1;
  expect_rejected(outer, "a frame smaller than the registers used");
  Proto *o2 = clone(p);
  Proto *inner = clone(p->p[0]);
  UpvalDesc *u = malloc(sizeof(UpvalDesc) * (size_t)inner->sizeupvalues);
  memcpy(u, inner->upvalues, sizeof(UpvalDesc) * (size_t)inner->sizeupvalues);
  u[0].instack = 1;
  u[0].idx = 200;
  inner->upvalues = u;
  o2->p = malloc(sizeof(Proto *));
  o2->p[0] = inner;
  expect_rejected(o2, "capturing register 200 of the parent");
}

Test(bytecode, nesting_depth_is_bounded) {
  const Proto *p = compile("return function() end");
  const Proto *leaf = p->p[0];
  Proto *cur = clone(leaf);
  for (int d = 0; d < CVB_MAXNEST + 5; d++) {
    Proto *up = clone(p);
    up->p = malloc(sizeof(Proto *));
    up->p[0] = cur;
    cur = up;
  }
  expect_rejected(cur, "nested too deeply");
}
