/* The parser: recursive descent over the token stream, building the syntax tree of
 * compiler/ast.h. It binds each name to the declaration in scope while parsing (as
 * lua5.4's parser does) and raises the syntax errors that depend on parse position:
 * "near 'tok'" errors, local-variable limits, assignments to const variables. */
#ifndef COVE_PARSE_H
#define COVE_PARSE_H

#include "ast.h"
#include "lex.h"

/* Parse a whole chunk. Returns the main function node (vararg, no parameters). */
FuncNode *parse_chunk(LexState *ls, Arena *arena);

#endif
