/* cmp_compile: the compiler's entry point. Runs the pipeline lexer -> parser (tree)
 * -> resolver (scopes, upvalues, constants, folding) -> code generator and returns the
 * main function's prototype. Everything it allocates is on the GC heap, so a syntax
 * error (a longjmp out of any stage) leaks nothing. */
#include "compiler.h"
#include "codegen.h"
#include "lex.h"
#include "parse.h"
#include "resolve.h"
#include "../vm/str.h"

Proto *cmp_compile(lua_State *L, const char *src, size_t len, const char *chunkname) {
  LexState ls;
  Arena arena = {L, NULL, 0, 0, NULL, 0, 0};
  String *source = str_newz(L, chunkname);
  lex_init(&ls, L, src, len, source);
  FuncNode *main = parse_chunk(&ls, &arena);
  resolve_chunk(&ls, &arena, main);
  return cg_main(&ls, main);
}
