/* Contract of vm/number.c: what lua5.4 accepts as a numeral and how it prints
 * numbers, float->integer modes, and integer division, modulo and shifts with Lua's
 * rounding and errors. Expected values come from running lua5.4. */
#include <math.h>
#include <criterion/criterion.h>

#include "lua.h"
#include "lauxlib.h"
#include "call.h"
#include "number.h"
#include "str.h"

static lua_State *L;

static void setup(void) { L = luaL_newstate(); }
static void teardown(void) { lua_close(L); }

TestSuite(number, .init = setup, .fini = teardown);

/* "i <value>", "f <tostring>", or "nil" for a rejected numeral. */
static const char *parse(const char *s, char *out) {
  Value v;
  if (num_str2number(s, &v) != strlen(s) + 1)
    return strcpy(out, "nil");
  char buf[NUM_MAXSTR];
  num_tostr(&v, buf);
  sprintf(out, "%c %s", ttisinteger(&v) ? 'i' : 'f', buf);
  return out;
}

Test(number, numerals_as_lua54_reads_them) {
  static const char *cases[][2] = {
    {"10", "i 10"}, {"  10  ", "i 10"}, {"0x10", "i 16"}, {"-0x10", "i -16"},
    {"0xffffffffffffffff", "i -1"}, {"0x10000000000000000", "i 0"},
    {"9223372036854775807", "i 9223372036854775807"},
    {"9223372036854775808", "f 9.2233720368548e+18"},
    {"-9223372036854775808", "i -9223372036854775808"},
    {"-9223372036854775809", "f -9.2233720368548e+18"},
    {"1e10", "f 10000000000.0"}, {"1E+2", "f 100.0"}, {".5", "f 0.5"}, {"5.", "f 5.0"},
    {"0x.8", "f 0.5"}, {"0x1p4", "f 16.0"}, {"0x1P-2", "f 0.25"}, {"0xA.8p1", "f 21.0"},
    {"1e400", "f inf"}, {"-0", "i 0"}, {"-0.0", "f -0.0"}, {"+12", "i 12"},
    {"00012", "i 12"}, {"1.5e-3", "f 0.0015"},
    {".", "nil"}, {"0x", "nil"}, {"1e", "nil"}, {"inf", "nil"}, {"nan", "nil"},
    {"-inf", "nil"}, {"+-1", "nil"}, {" 0x1g", "nil"}, {"12a", "nil"}, {"1 2", "nil"},
    {"0b101", "nil"}, {"0x.p1", "nil"}, {"   ", "nil"}, {"", "nil"},
  };
  char out[80];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    cr_assert_str_eq(parse(cases[i][0], out), cases[i][1], "numeral \"%s\"", cases[i][0]);
}

Test(number, tostring_as_lua54_prints) {
  static const struct { double d; const char *s; } cases[] = {
    {1.0, "1.0"}, {-1.0, "-1.0"}, {0.1, "0.1"}, {1e15, "1e+15"}, {1e16, "1e+16"},
    {9007199254740992.0, "9.007199254741e+15"}, {-0.0, "-0.0"}, {1e100, "1e+100"},
    {123456789012345.0, "1.2345678901234e+14"}, {3.14159265358979, "3.1415926535898"},
    {INFINITY, "inf"}, {-INFINITY, "-inf"}, {100.0, "100.0"}, {1e-310, "1e-310"},
  };
  char buf[NUM_MAXSTR];
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    Value v; setfltvalue(&v, cases[i].d);
    num_tostr(&v, buf);
    cr_assert_str_eq(buf, cases[i].s);
  }
  Value nan; setfltvalue(&nan, NAN); num_tostr(&nan, buf);
  cr_assert(strcmp(buf, "nan") == 0 || strcmp(buf, "-nan") == 0);
  Value i; setivalue(&i, LUA_MININTEGER); num_tostr(&i, buf);
  cr_assert_str_eq(buf, "-9223372036854775808");
  String *s = num_tostring(L, &i);
  cr_assert_str_eq(getstr(s), "-9223372036854775808");
}

Test(number, float_to_integer_modes) {
  lua_Integer i;
  cr_assert(num_flttointeger(3.0, &i, F2I_EQ) && i == 3);
  cr_assert(!num_flttointeger(3.5, &i, F2I_EQ));
  cr_assert(num_flttointeger(3.5, &i, F2I_FLOOR) && i == 3);
  cr_assert(num_flttointeger(3.5, &i, F2I_CEIL) && i == 4);
  cr_assert(num_flttointeger(-3.5, &i, F2I_FLOOR) && i == -4);
  cr_assert(num_flttointeger(-9223372036854775808.0, &i, F2I_EQ) && i == LUA_MININTEGER);
  cr_assert(!num_flttointeger(9223372036854775808.0, &i, F2I_FLOOR));
  cr_assert(!num_flttointeger(NAN, &i, F2I_FLOOR));
  cr_assert(!num_flttointeger(INFINITY, &i, F2I_CEIL));
}

Test(number, coercion_from_strings) {
  lua_Integer i;
  double d;
  Value v;
  setsvalue(&v, str_newz(L, " 0x10 "));
  cr_assert(num_tointeger(&v, &i, F2I_EQ) && i == 16);
  setsvalue(&v, str_newz(L, "3.0"));
  cr_assert(num_tointeger(&v, &i, F2I_EQ) && i == 3);
  setsvalue(&v, str_newz(L, "3.5"));
  cr_assert(!num_tointeger(&v, &i, F2I_EQ));
  cr_assert(num_tonumber(&v, &d) && d == 3.5);
  setsvalue(&v, str_new(L, "1\0002", 3));  /* an embedded zero is not a numeral */
  cr_assert(!num_tonumber(&v, &d));
  setsvalue(&v, str_newz(L, "abc"));
  cr_assert(!num_tonumber(&v, &d));
}

struct divargs { lua_Integer m, n; int mod; };
static void do_div(lua_State *L1, void *ud) {
  struct divargs *a = ud;
  if (a->mod) num_imod(L1, a->m, a->n); else num_idiv(L1, a->m, a->n);
}
static const char *div_error(lua_Integer m, lua_Integer n, int mod) {
  struct divargs a = {m, n, mod};
  Value *top = L->top;
  if (vm_rawrunprotected(L, do_div, &a) == LUA_OK) return NULL;
  const char *msg = ttisstring(L->top - 1) ? getstr(strvalue(L->top - 1)) : "?";
  L->top = top;
  return msg;
}

Test(number, integer_division_and_modulo) {
  cr_assert_eq(num_idiv(L, 7, 2), 3);
  cr_assert_eq(num_idiv(L, -7, 2), -4);
  cr_assert_eq(num_idiv(L, 7, -2), -4);
  cr_assert_eq(num_idiv(L, LUA_MININTEGER, -1), LUA_MININTEGER);
  cr_assert_eq(num_imod(L, -7, 3), 2);
  cr_assert_eq(num_imod(L, 7, -3), -2);
  cr_assert_eq(num_imod(L, LUA_MININTEGER, -1), 0);
  cr_assert_eq(num_imod(L, LUA_MAXINTEGER, LUA_MININTEGER), -1);
  cr_assert_str_eq(div_error(1, 0, 0), "attempt to divide by zero");
  cr_assert_str_eq(div_error(1, 0, 1), "attempt to perform 'n%0'");
}

Test(number, float_modulo_takes_divisor_sign) {
  cr_assert_eq(num_fmod(5.5, -3.0), -0.5);
  cr_assert_eq(num_fmod(-5.5, 3.0), 0.5);
  cr_assert_eq(num_fmod(-5.5, -3.0), -2.5);
  cr_assert_eq(num_fmod(5.5, -INFINITY), -INFINITY);
  cr_assert_eq(num_fmod(-5.5, -INFINITY), -5.5);
  cr_assert(isnan(num_fmod(1.0, 0.0)));
}

Test(number, shifts) {
  cr_assert_eq(num_shiftl(5, 1), 10);
  cr_assert_eq(num_shiftl(5, 64), 0);
  cr_assert_eq(num_shiftl(5, -1), 2);
  cr_assert_eq(num_shiftl(-5, -1), 9223372036854775805LL);  /* logical shift */
  cr_assert_eq(num_shiftl(-5, -64), 0);
  cr_assert_eq(num_shiftl(-5, 63), LUA_MININTEGER);
  cr_assert_eq(num_shiftl(1, -70), 0);
}
