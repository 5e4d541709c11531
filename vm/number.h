/* Number conversions and arithmetic rules shared by the interpreter, the API and the
 * libraries: string<->number as lua5.4 does them, float->integer conversion modes,
 * integer division/modulo rounding toward minus infinity, shifts. */
#ifndef COVE_NUMBER_H
#define COVE_NUMBER_H

#include "state.h"

/* Float->integer conversion modes (lua5.4 F2Ieq / F2Ifloor / F2Iceil). */
typedef enum { F2I_EQ, F2I_FLOOR, F2I_CEIL } F2Imode;

int num_flttointeger(double n, lua_Integer *p, F2Imode mode);
/* Value -> integer (numbers, and strings convertible to numbers); 0 when impossible. */
int num_tointeger(const Value *v, lua_Integer *p, F2Imode mode);
/* Value -> float (numbers and convertible strings). */
int num_tonumber(const Value *v, double *out);

/* Parse a Lua numeral (as tonumber/lexer/coercion: hex, exponents, hex floats,
 * surrounding spaces). On success writes the value and returns strlen+1 (lua_stringtonumber's
 * contract); 0 on failure. `s` must be NUL-terminated at s[len]. */
size_t num_str2number(const char *s, Value *out);

/* Format a number as tostring does ("%.14g" for floats, with ".0" added when it looks
 * integral; "inf", "-inf", "nan"/"-nan" as lua5.4 prints them). Returns length.
 * buf must hold NUM_MAXSTR bytes. */
#define NUM_MAXSTR 64
int num_tostr(const Value *v, char *buf);
/* Convert number value in place to a string value (coercion for concat etc.). */
String *num_tostring(lua_State *L, const Value *v);

lua_Integer num_idiv(lua_State *L, lua_Integer m, lua_Integer n);  /* errors "attempt to divide by zero" */
lua_Integer num_imod(lua_State *L, lua_Integer m, lua_Integer n);  /* errors "attempt to perform 'n%%0'" */
double num_fmod(double m, double n);                                /* floor-style float modulo */
lua_Integer num_shiftl(lua_Integer x, lua_Integer y);               /* shift left; negative y shifts right */

#endif
