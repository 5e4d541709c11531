/* The compiler's entry point: Lua 5.4 source text to a main-chunk prototype.
 * Pipeline: lex.c -> parse.c (AST) -> resolve.c (scopes, upvalues, constants, goto)
 * -> fold.c (constant folding) -> codegen.c (register allocation, bytecode). */
#ifndef COVE_COMPILER_H
#define COVE_COMPILER_H

#include "../vm/state.h"

/* Compile `len` bytes of source. `chunkname` is the source name as given to load
 * ("@file", "=stdin", or the text itself). On a syntax error, pushes the message
 * ("chunk:line: msg near 'tok'", lua5.4's wording) and raises LUA_ERRSYNTAX with
 * vm_throw. The returned Proto is the main function: vararg, one upvalue named _ENV. */
Proto *cmp_compile(lua_State *L, const char *src, size_t len, const char *chunkname);

#endif
