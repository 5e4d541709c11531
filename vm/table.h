/* Lua tables: array part + hash part (chained scatter table with Brent's variation),
 * power-of-two sizes, lua5.4's border rules for the length operator.
 * get functions return a pointer to the value slot, or to a shared absent-nil (check
 * with tab_isabsent) when the key is missing; never NULL. */
#ifndef COVE_TABLE_H
#define COVE_TABLE_H

#include "state.h"

Table *tab_new(lua_State *L, unsigned narray, unsigned nhash);
void tab_resize(lua_State *L, Table *t, unsigned narray, unsigned nhash);

const Value *tab_get(Table *t, const Value *key);
const Value *tab_getint(Table *t, lua_Integer key);
const Value *tab_getstr(Table *t, String *key);     /* any string key */
const Value *tab_getshortstr(Table *t, String *key);
int tab_isabsent(const Value *v);                    /* slot returned for a missing key */

/* Store; raises "index is nil" / "index is NaN" errors. Floats with integral value
 * are normalised to integer keys. */
void tab_set(lua_State *L, Table *t, const Value *key, const Value *val);
void tab_setint(lua_State *L, Table *t, lua_Integer key, const Value *val);
void tab_setstr(lua_State *L, Table *t, String *key, const Value *val);
/* Slot for key, creating it (value nil) when absent: for the interpreter's fast set. */
Value *tab_slot(lua_State *L, Table *t, const Value *key);

lua_Unsigned tab_len(Table *t);                       /* a border, as lua5.4 */
/* Iteration: key at *key (nil to start); writes next key/value, returns 0 at end.
 * Raises "invalid key to 'next'" for a key not in the table. */
int tab_next(lua_State *L, Table *t, Value *key, Value *val);

#endif
