/* Contract of the compiler front end and code generator (compiler/parse.c, resolve.c,
 * codegen*.c): syntax and semantic errors with lua5.4's wording, limits, the
 * main-chunk conventions of vm/opcodes.h, constant folding and <const> propagation. */
#include <criterion/criterion.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "opcodes.h"
#include "state.h"
#include "../compiler/compiler.h"

static lua_State *L;

static void setup(void) { L = luaL_newstate(); }
static void teardown(void) { lua_close(L); }

TestSuite(parser, .init = setup, .fini = teardown);

static const char *load_error(const char *src) {
  static char buf[512];
  if (luaL_loadbuffer(L, src, strlen(src), "=src") == LUA_OK) {
    lua_pop(L, 1);
    return "OK";
  }
  snprintf(buf, sizeof buf, "%s", lua_tostring(L, -1));
  lua_pop(L, 1);
  return buf;
}

/* Compile src and return the main prototype (kept alive on the stack). */
static Proto *compile(const char *src) {
  cr_assert_eq(luaL_loadbuffer(L, src, strlen(src), "=src"), LUA_OK, "%s", lua_tostring(L, -1));
  return clLvalue(L->top - 1)->p;
}

static int count_op(const Proto *p, int op) {
  int n = 0;
  for (int pc = 0; pc < p->sizecode; pc++) {
    int o = GET_OP(p->code[pc]);
    if (o == op) n++;
    if (o == OP_NEWTABLE || o == OP_SETLIST || o == OP_LOADKX) pc++;  /* AUX word */
  }
  return n;
}

Test(parser, syntax_errors) {
  cr_assert_str_eq(load_error("x = "), "src:1: unexpected symbol near <eof>");
  cr_assert_str_eq(load_error("local 1"), "src:1: <name> expected near '1'");
  cr_assert_str_eq(load_error("for i = 1 do end"), "src:1: ',' expected near 'do'");
  cr_assert_str_eq(load_error("for i do end"), "src:1: '=' or 'in' expected near 'do'");
  cr_assert_str_eq(load_error("function f()\n\n return 1"),
                   "src:3: 'end' expected (to close 'function' at line 1) near <eof>");
  cr_assert_str_eq(load_error("x = 1 }"), "src:1: unexpected symbol near '}'");
  cr_assert_str_eq(load_error("return 1 1"), "src:1: <eof> expected near '1'");
  cr_assert_str_eq(load_error("f() = 1"), "src:1: syntax error near '='");
  cr_assert_str_eq(load_error("x = ..."), "OK");
  cr_assert_str_eq(load_error("function f() return ... end"),
                   "src:1: cannot use '...' outside a vararg function near '...'");
}

Test(parser, semantic_errors) {
  cr_assert_str_eq(load_error("local x <const> = 1; x = 2"), "src:1: attempt to assign to const variable 'x'");
  cr_assert_str_eq(load_error("local x <close> = nil; function f() x = 1 end"),
                   "src:1: attempt to assign to const variable 'x'");
  cr_assert_str_eq(load_error("local x <foo> = 1"), "src:1: unknown attribute 'foo'");
  cr_assert_str_eq(load_error("local a <close>, b <close> = 1"),
                   "src:1: multiple to-be-closed variables in local list");
  cr_assert_str_eq(load_error("break"), "src:1: break outside loop at line 1");
  cr_assert_str_eq(load_error("goto foo\n\n"), "src:3: no visible label 'foo' for <goto> at line 1");
  cr_assert_str_eq(load_error("::a:: ::a::"), "src:1: label 'a' already defined on line 1");
  cr_assert_str_eq(load_error("goto l; local x; ::l:: x = 1"),
                   "src:1: <goto l> at line 1 jumps into the scope of local 'x'");
  cr_assert_str_eq(load_error("goto l; local x; ::l::"), "OK");  /* label at block end */
}

Test(parser, limits) {
  char src[8192] = "";
  for (int i = 0; i < 201; i++) {
    char decl[32];
    snprintf(decl, sizeof decl, "local v%d ", i);
    strcat(src, decl);
  }
  cr_assert_str_eq(load_error(src), "src:1: too many local variables (limit is 200) in main function near <eof>");
  char deep[100010];
  memset(deep, '(', 100000);
  deep[100000] = '\0';
  cr_assert_str_eq(load_error(deep), "C stack overflow");
}

Test(parser, main_chunk_conventions) {
  Proto *p = compile("local a = 1; print(a)");
  cr_assert(p->is_vararg);
  cr_assert_eq(p->numparams, 0);
  cr_assert_eq(p->sizeupvalues, 1);
  cr_assert_str_eq(getstr(p->upvalues[0].name), "_ENV");
  cr_assert_eq(p->upvalues[0].instack, 1);
  cr_assert_eq(p->upvalues[0].idx, 0);
  cr_assert_eq(GET_OP(p->code[0]), OP_VARARGPREP);
  cr_assert_eq(GET_OP(p->code[1]), OP_ENTER);
  cr_assert_eq(GET_OP(p->code[p->sizecode - 1]), OP_RETURN);
  cr_assert_geq(p->maxstacksize, 2);
  cr_assert_eq(p->sizelocvars, 1);
  cr_assert_str_eq(getstr(p->locvars[0].name), "a");
  cr_assert_eq(p->sizelineinfo, p->sizecode);
}

Test(parser, folding_follows_lua54) {
  Proto *p = compile("return 2^10 + 3 * 4 - 1, 7 // 2, 1 // 0, 0/0, 3 | 1.0, 1 & 1.5, -0.0");
  /* 1 // 0, 0/0, 1 & 1.5 and -0.0 stay operations; the rest are constants */
  cr_assert_eq(count_op(p, OP_IDIVK), 1);
  cr_assert_eq(count_op(p, OP_DIVK), 1);
  cr_assert_eq(count_op(p, OP_BAND), 1);
  cr_assert_eq(count_op(p, OP_UNM), 1);
  cr_assert_eq(count_op(p, OP_ADD) + count_op(p, OP_ADDK) + count_op(p, OP_MUL) + count_op(p, OP_POW), 0);
}

Test(parser, const_locals_are_compile_time_constants) {
  Proto *p = compile("local k <const> = 10; local s <const> = 'x'; return k * 2, s");
  cr_assert_eq(p->sizelocvars, 0);  /* compile-time constants take no register */
  cr_assert_eq(count_op(p, OP_MUL) + count_op(p, OP_MULK), 0);
}

Test(parser, functions_and_upvalues) {
  Proto *p = compile("local x; local function f() return x end; return function(...) return f, ... end");
  cr_assert_eq(p->sizep, 2);
  Proto *f = p->p[0];
  cr_assert_eq(f->sizeupvalues, 1);
  cr_assert_str_eq(getstr(f->upvalues[0].name), "x");
  cr_assert_eq(f->upvalues[0].instack, 1);
  cr_assert_eq(GET_OP(f->code[0]), OP_ENTER);
  Proto *g = p->p[1];
  cr_assert(g->is_vararg);
  cr_assert_eq(GET_OP(g->code[0]), OP_VARARGPREP);
  cr_assert_eq(GET_OP(g->code[1]), OP_ENTER);
  /* the main function has a captured local: its returns close upvalues */
  cr_assert(GET_C(p->code[p->sizecode - 1]) & 1);
}

Test(parser, loops_have_homes) {
  Proto *p = compile("local i = 0 while i < 3 do i = i + 1 end repeat i = i - 1 until i == 0 "
                     "::top:: i = i + 1 if i < 3 then goto top end for j = 1, 2 do end");
  cr_assert_eq(count_op(p, OP_LOOP), 3);
  cr_assert_eq(count_op(p, OP_FORPREP), 1);
  cr_assert_eq(count_op(p, OP_FORLOOP), 1);
}
