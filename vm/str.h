/* Lua strings: creation, interning of short strings, hashing and equality.
 * Interning is a cache that the collector prunes (see spec/gc.md): two equal strings
 * are normally the same object, but equality must still fall back to comparing bytes. */
#ifndef COVE_STR_H
#define COVE_STR_H

#include "state.h"

void str_init(lua_State *L);                       /* string table + tmname/memerrmsg */
String *str_new(lua_State *L, const char *s, size_t len);  /* interns when short */
String *str_newz(lua_State *L, const char *s);     /* NUL-terminated */
String *str_new_uninit(lua_State *L, size_t len);  /* long string whose bytes the caller fills */
uint32_t str_hash(String *s);                      /* cached; computes lazily for long strings */
int str_eq(const String *a, const String *b);      /* pointer, else len+hash+bytes */
/* Called by the collector at mark end (world stopped): drop unmarked entries. */
void str_prune(global_State *g);
/* Set (by vm/gc.c) once a collection queued a finalizer: a string pruned from the
 * intern table may then stay alive, and two equal short strings may be distinct
 * objects. Until then short-string keys compare by pointer alone (vm/table.c). */
extern int str_maybe_dup;

/* Intern-table slots (vm/str.c; read by vm/gc.c's mark procedure): 0 empty, 1 a
 * tombstone, else the String's address in the low 48 bits and 16 hash bits above. */
#define STRT_TOMB ((uintptr_t)1)
#define STRT_ADDRBITS 48
#define STRT_ADDRMASK (((uintptr_t)1 << STRT_ADDRBITS) - 1)

#endif
