/* Private contract between the files of the string library: strlib.c (the simple
 * functions, the string metatable, luaopen_string), lpattern.c (Lua patterns: find,
 * match, gmatch, gsub), strformat.c (string.format) and strpack.c (pack, unpack,
 * packsize). Everything here is written against the public C API only. */
#ifndef COVE_STRLIB_INTERNAL_H
#define COVE_STRLIB_INTERNAL_H

#include <limits.h>
#include <stddef.h>

#include "cove.h"
#include "lauxlib.h"
#include "lua.h"

/* Largest string the library builds or sizes: lua5.4 limits results to what fits an
 * int (string.rep, string.packsize), so the same calls fail with the same errors. */
#define STRLIB_MAXSIZE \
  (sizeof(size_t) < sizeof(int) ? (size_t)~(size_t)0 : (size_t)INT_MAX)

/* Library functions whose work grows with their input charge the bytes (or steps) they
 * are about to process to the script's budget (cove_charge, spec/safepoints.md), so fuel,
 * deadlines and Ctrl-C hold inside a long string.rep or a backtracking match. */
#define STRLIB_CHARGE_FUEL(L, units) cove_charge((L), (size_t)(units))

/* Turn a 1-based start position (negative counts back from the end) into one in
 * [1, inf): 0 and anything before the start clip to 1. */
size_t strlib_start_pos(lua_Integer pos, size_t len);

/* Read the optional end position at `arg` (default `def`) and clip it to [0, len]. */
size_t strlib_end_pos(lua_State *L, int arg, lua_Integer def, size_t len);

/* lpattern.c */
int strlib_find(lua_State *L);
int strlib_match(lua_State *L);
int strlib_gmatch(lua_State *L);
int strlib_gsub(lua_State *L);

/* strformat.c */
int strlib_format(lua_State *L);

/* strpack.c */
int strlib_pack(lua_State *L);
int strlib_packsize(lua_State *L);
int strlib_unpack(lua_State *L);

#endif
