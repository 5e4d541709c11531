/* Writing a prototype as a Cove binary chunk (spec/bytecode-format.md): the format
 * lua_dump and string.dump produce and covec writes to .cvb files. compiler/undump.c
 * reads it back and compiler/verify.c checks it before it may run. */
#ifndef COVE_DUMP_H
#define COVE_DUMP_H

#include "../vm/state.h"

/* Header constants shared with the loader. */
#define CVB_VERSION   0x54          /* Lua 5.4, as lua5.4's version byte */
#define CVB_FORMAT    0             /* the official format byte, as lua5.4 writes */
#define CVB_MARK      "Cove"        /* follows the PUC-identical header: marks a Cove chunk */
#define CVB_REVISION  1             /* Cove's own bytecode revision (opcodes.h changes) */
#define CVB_DATA      "\x19\x93\r\n\x1a\n"  /* catches text-mode conversions */
#define CVB_INT       ((lua_Integer)0x5678)
#define CVB_NUM       ((lua_Number)370.5)

/* Constant tags in a chunk (lua5.4's variant tags). */
#define CVB_TNIL      0x00
#define CVB_TFALSE    0x01
#define CVB_TTRUE     0x11
#define CVB_TINT      0x03
#define CVB_TFLT      0x13
#define CVB_TSHRSTR   0x04
#define CVB_TLNGSTR   0x14

/* Serialise p (a main function) and hand the bytes to w in one piece. With strip,
 * debug information (lines, local and upvalue names, source) is left out. Returns
 * the writer's status (0 on success), as lua_dump does. */
int cmp_dump(lua_State *L, const Proto *p, lua_Writer w, void *data, int strip);

#endif
