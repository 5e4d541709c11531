/* Contract of compiler/lex.c: token codes for every operator and keyword, numerals
 * (decimal/hex, integer overflow to float, hex wrap-around, hex floats), string escapes,
 * long brackets, line counting, and lua5.4's wording of lexical errors. */
#include <criterion/criterion.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "call.h"
#include "str.h"
#include "../compiler/lex.h"

static lua_State *L;

static void setup(void) { L = luaL_newstate(); }
static void teardown(void) { lua_close(L); }

TestSuite(lexer, .init = setup, .fini = teardown);

#define MAXTOK 64

typedef struct Scan {
  const char *src;
  Token toks[MAXTOK];
  int lines[MAXTOK];
  int n;
} Scan;

static void do_scan(lua_State *L1, void *ud) {
  Scan *s = ud;
  LexState ls;
  lex_init(&ls, L1, s->src, strlen(s->src), str_newz(L1, "=test"));
  s->n = 0;
  do {
    lex_next(&ls);
    s->toks[s->n] = ls.t;
    s->lines[s->n] = ls.linenumber;
    s->n++;
  } while (ls.t.token != TK_EOS && s->n < MAXTOK);
}

/* Scan src; returns the status (LUA_OK or LUA_ERRSYNTAX). */
static int scan(Scan *s, const char *src) {
  s->src = src;
  Value *top = L->top;
  int status = vm_rawrunprotected(L, do_scan, s);
  if (status != LUA_OK) L->top = top + 1;  /* keep the message for load_error users */
  return status;
}

/* The message load() gives for src, or "OK". */
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

Test(lexer, operators_and_keywords) {
  Scan s;
  cr_assert_eq(scan(&s, "and x // .. ... == >= <= ~= << >> :: + ; goto while"), LUA_OK);
  int expected[] = {TK_AND, TK_NAME, TK_IDIV, TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE,
                    TK_SHL, TK_SHR, TK_DBCOLON, '+', ';', TK_GOTO, TK_WHILE, TK_EOS};
  cr_assert_eq(s.n, (int)(sizeof expected / sizeof expected[0]));
  for (int i = 0; i < s.n; i++) cr_assert_eq(s.toks[i].token, expected[i], "token %d", i);
  cr_assert_str_eq(getstr(s.toks[1].sem.ts), "x");
}

Test(lexer, names_are_ascii_and_case_sensitive) {
  Scan s;
  cr_assert_eq(scan(&s, "And _x1 END"), LUA_OK);
  cr_assert_eq(s.toks[0].token, TK_NAME);
  cr_assert_eq(s.toks[1].token, TK_NAME);
  cr_assert_eq(s.toks[2].token, TK_NAME);
  cr_assert_str_eq(load_error("local \xC3\xA9 = 1"), "src:1: <name> expected near '<\\195>'");
}

Test(lexer, decimal_and_hex_numerals) {
  Scan s;
  cr_assert_eq(scan(&s, "3 0x10 0xffffffffffffffff 9223372036854775807 9223372036854775808 1e2 .5 0x1p4 3."), LUA_OK);
  cr_assert_eq(s.toks[0].token, TK_INT);
  cr_assert_eq(s.toks[0].sem.i, 3);
  cr_assert_eq(s.toks[1].sem.i, 16);
  cr_assert_eq(s.toks[2].token, TK_INT);
  cr_assert_eq(s.toks[2].sem.i, -1);  /* hex integers wrap around */
  cr_assert_eq(s.toks[3].sem.i, INT64_MAX);
  cr_assert_eq(s.toks[4].token, TK_FLT);  /* decimal overflow becomes a float */
  cr_assert_float_eq(s.toks[4].sem.r, 9223372036854775808.0, 1);
  cr_assert_eq(s.toks[5].token, TK_FLT);
  cr_assert_float_eq(s.toks[5].sem.r, 100.0, 1e-9);
  cr_assert_float_eq(s.toks[6].sem.r, 0.5, 1e-12);
  cr_assert_float_eq(s.toks[7].sem.r, 16.0, 1e-12);
  cr_assert_eq(s.toks[8].token, TK_FLT);
}

Test(lexer, malformed_numbers) {
  cr_assert_str_eq(load_error("return 3x"), "src:1: malformed number near '3x'");
  cr_assert_str_eq(load_error("return 0x"), "src:1: malformed number near '0x'");
  cr_assert_str_eq(load_error("return 1e+"), "src:1: malformed number near '1e+'");
  cr_assert_str_eq(load_error("return 3..2"), "src:1: malformed number near '3..2'");
}

Test(lexer, escapes) {
  Scan s;
  cr_assert_eq(scan(&s, "'\\65\\x42\\u{43}\\z  \n  D\\n\\\\\\'\\\"' '\\u{7FFFFFFF}' 'a\\\nb'"), LUA_OK);
  cr_assert_eq(s.toks[0].token, TK_STRING);
  cr_assert_str_eq(getstr(s.toks[0].sem.ts), "ABCD\n\\'\"");
  cr_assert_eq(tsslen(s.toks[1].sem.ts), 6);  /* extended UTF-8 up to 2^31 */
  cr_assert_eq((unsigned char)getstr(s.toks[1].sem.ts)[0], 0xFD);
  cr_assert_str_eq(getstr(s.toks[2].sem.ts), "a\nb");
  cr_assert_eq(s.lines[2], 3);
}

Test(lexer, escape_errors) {
  cr_assert_str_eq(load_error("return \"\\q\""), "src:1: invalid escape sequence near '\"\\q'");
  cr_assert_str_eq(load_error("return \"\\x4\""), "src:1: hexadecimal digit expected near '\"\\x4\"'");
  cr_assert_str_eq(load_error("return \"\\256\""), "src:1: decimal escape too large near '\"\\256\"'");
  cr_assert_str_eq(load_error("return \"\\u{110000000}\""), "src:1: UTF-8 value too large near '\"\\u{110000000'");
  cr_assert_str_eq(load_error("return \"\\u48\""), "src:1: missing '{' near '\"\\u4'");
  cr_assert_str_eq(load_error("return \"\\u{48\""), "src:1: missing '}' near '\"\\u{48\"'");
  cr_assert_str_eq(load_error("return \"abc"), "src:1: unfinished string near <eof>");
  cr_assert_str_eq(load_error("return \"abc\ndef\""), "src:1: unfinished string near '\"abc'");
}

Test(lexer, long_brackets_and_comments) {
  Scan s;
  cr_assert_eq(scan(&s, "[==[\nab]]c]=]d]==] --[[ long\ncomment ]] x -- short\ny"), LUA_OK);
  cr_assert_eq(s.toks[0].token, TK_STRING);
  cr_assert_str_eq(getstr(s.toks[0].sem.ts), "ab]]c]=]d");  /* first newline skipped */
  cr_assert_eq(s.toks[1].token, TK_NAME);
  cr_assert_eq(s.lines[1], 3);
  cr_assert_eq(s.toks[2].token, TK_NAME);
  cr_assert_eq(s.lines[2], 4);
  cr_assert_str_eq(load_error("return [[abc"), "src:1: unfinished long string (starting at line 1) near <eof>");
  cr_assert_str_eq(load_error("x = 1 --[[ never"), "src:1: unfinished long comment (starting at line 1) near <eof>");
  cr_assert_str_eq(load_error("return [=abc"), "src:1: invalid long string delimiter near '[='");
}

Test(lexer, line_endings) {
  Scan s;
  cr_assert_eq(scan(&s, "a\r\nb\n\rc\r\rd"), LUA_OK);
  cr_assert_eq(s.lines[0], 1);
  cr_assert_eq(s.lines[1], 2);
  cr_assert_eq(s.lines[2], 3);
  cr_assert_eq(s.lines[3], 5);
}

Test(lexer, big_string_literal) {
  size_t n = 10u << 20;
  char *src = malloc(n + 16);
  memcpy(src, "return '", 8);
  memset(src + 8, 'z', n);
  memcpy(src + 8 + n, "'", 2);
  cr_assert_eq(luaL_loadbuffer(L, src, strlen(src), "=big"), LUA_OK);
  free(src);
  cr_assert_eq(lua_pcall(L, 0, 1, 0), LUA_OK);
  size_t len;
  lua_tolstring(L, -1, &len);
  cr_assert_eq(len, n);
}
