/* Reading a Cove binary chunk (spec/bytecode-format.md) back into a prototype.
 * Every chunk is checked twice before anything may run it: the reader rejects
 * malformed or truncated input, then compiler/verify.c checks the bytecode itself
 * (spec/verifier.md). lua_load calls this for input starting with "\x1bLua". */
#ifndef COVE_UNDUMP_H
#define COVE_UNDUMP_H

#include "../vm/state.h"

/* Deepest nesting of function prototypes a chunk may have. */
#define CVB_MAXNEST 200

/* Parse and verify `len` bytes. `chunkname` is load's chunk name. On any problem
 * pushes "name: bad binary format (reason)" (lua5.4's wording; name derived from
 * chunkname as lua5.4 does) and raises LUA_ERRSYNTAX. Returns the main function. */
Proto *cmp_undump(lua_State *L, const char *buf, size_t len, const char *chunkname);

/* Same without the verifier: for tools that only list or inspect a chunk (covec -l).
 * The result must never be run. */
Proto *cmp_undump_unverified(lua_State *L, const char *buf, size_t len,
                             const char *chunkname);

#endif
