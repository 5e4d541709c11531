/* Scope resolution over the parsed tree: every name becomes a register local, an
 * upvalue (with lua5.4's upvalue descriptors, created in order of first use) or a
 * global (rewritten as _ENV[name]); <const> locals with constant initialisers become
 * compile-time constants and vanish from the code; constant expressions are folded;
 * captured locals and to-be-closed variables are marked for CLOSE; labels that are
 * targets of backward gotos are marked as loop heads. */
#ifndef COVE_RESOLVE_H
#define COVE_RESOLVE_H

#include "ast.h"
#include "lex.h"

void resolve_chunk(LexState *ls, Arena *arena, FuncNode *main);

#endif
