/* Metamethods: lookup (with the per-table absence cache) and the generic slow paths of
 * the interpreter: indexing, arithmetic, comparison, concatenation, length, equality.
 * Every slow path raises lua5.4's error messages with variable names (vm/debug.c). */
#ifndef COVE_META_H
#define COVE_META_H

#include "state.h"

void meta_init(lua_State *L);                                  /* interns "__index" ... */
const Value *meta_get(lua_State *L, const Value *o, TMS event); /* NULL if absent */
const Value *meta_gettable(Table *mt, TMS event, String *name); /* fast, uses tmcache for event < TM_ADD */
Table *meta_getmetatable(lua_State *L, const Value *o);
const char *meta_typename(lua_State *L, const Value *o);       /* honours __name */

/* Generic (slow-path) operations. `res` may alias the operands; results written after
 * any metamethod call. They may reallocate the stack: callers re-load stack pointers. */
void vm_gettable(lua_State *L, const Value *t, const Value *key, Value *res);
void vm_settable(lua_State *L, const Value *t, const Value *key, const Value *val);
void vm_arith(lua_State *L, int op, const Value *a, const Value *b, Value *res); /* op: LUA_OPADD.. */
int vm_lessthan(lua_State *L, const Value *a, const Value *b);
int vm_lessequal(lua_State *L, const Value *a, const Value *b);
int vm_equalobj(lua_State *L, const Value *a, const Value *b);   /* L may be NULL: raw */
int vm_rawequal(const Value *a, const Value *b);
void vm_concat(lua_State *L, int total);   /* concatenates the `total` values below L->top */
void vm_objlen(lua_State *L, Value *res, const Value *o);
int vm_tostringbuff(const Value *o, char *buf);  /* numbers only */

/* Number order with exact integer/float comparison (both operands numbers). */
int vm_ltnum(const Value *a, const Value *b);
int vm_lenum(const Value *a, const Value *b);

#endif
