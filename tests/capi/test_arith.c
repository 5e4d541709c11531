/* lua_arith and lua_compare (§4.6): every operator on integers and floats with lua5.4's
 * integer/float rules, string coercion, metamethods, and the errors they raise. */
#include <math.h>

#include "capi_test.h"

TestSuite(arith, .init = capi_setup, .fini = capi_teardown);

static void arith_ii(lua_Integer a, lua_Integer b, int op) {
  lua_settop(L, 0);
  lua_pushinteger(L, a);
  lua_pushinteger(L, b);
  lua_arith(L, op);
}

Test(arith, integer_operators) {
  struct { int op; lua_Integer a, b, r; } cases[] = {
      {LUA_OPADD, 7, 3, 10},  {LUA_OPSUB, 7, 3, 4},    {LUA_OPMUL, 7, 3, 21},
      {LUA_OPMOD, 7, 3, 1},   {LUA_OPMOD, -7, 3, 2},   {LUA_OPMOD, 7, -3, -2},
      {LUA_OPIDIV, 7, 2, 3},  {LUA_OPIDIV, -7, 2, -4}, {LUA_OPBAND, 12, 10, 8},
      {LUA_OPBOR, 12, 10, 14}, {LUA_OPBXOR, 12, 10, 6}, {LUA_OPSHL, 1, 62, (lua_Integer)1 << 62},
      {LUA_OPSHR, -1, 63, 1}, {LUA_OPSHL, 1, 64, 0},   {LUA_OPSHL, 8, -2, 2},
      {LUA_OPADD, LUA_MAXINTEGER, 1, LUA_MININTEGER}, {LUA_OPIDIV, LUA_MININTEGER, -1, LUA_MININTEGER},
      {LUA_OPMOD, LUA_MININTEGER, -1, 0}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    arith_ii(cases[i].a, cases[i].b, cases[i].op);
    cr_assert(lua_isinteger(L, -1), "case %zu", i);
    cr_assert_eq(lua_tointeger(L, -1), cases[i].r, "case %zu: got %lld", i,
                 (long long)lua_tointeger(L, -1));
    cr_assert_eq(lua_gettop(L), 1);
  }
}

Test(arith, unary_operators_take_one_operand) {
  lua_pushinteger(L, 5);
  lua_arith(L, LUA_OPUNM);
  cr_assert_eq(lua_tointeger(L, -1), -5);
  lua_arith(L, LUA_OPBNOT);
  cr_assert_eq(lua_tointeger(L, -1), 4);
  lua_pushnumber(L, 2.5);
  lua_arith(L, LUA_OPUNM);
  cr_assert_float_eq(lua_tonumber(L, -1), -2.5, 0);
  cr_assert_eq(lua_gettop(L), 2);
}

Test(arith, float_results) {
  arith_ii(7, 2, LUA_OPDIV);
  cr_assert(!lua_isinteger(L, -1));
  cr_assert_float_eq(lua_tonumber(L, -1), 3.5, 0);
  arith_ii(2, 10, LUA_OPPOW);
  cr_assert(!lua_isinteger(L, -1));
  cr_assert_float_eq(lua_tonumber(L, -1), 1024.0, 0);
  lua_settop(L, 0);
  lua_pushnumber(L, 7.5);
  lua_pushinteger(L, 2);
  lua_arith(L, LUA_OPMOD);
  cr_assert_float_eq(lua_tonumber(L, -1), 1.5, 0);
  lua_pushnumber(L, -7.5);
  lua_pushinteger(L, 2);
  lua_arith(L, LUA_OPIDIV);
  cr_assert_float_eq(lua_tonumber(L, -1), -4.0, 0);
  lua_pushnumber(L, 1.0);
  lua_pushnumber(L, 0.0);
  lua_arith(L, LUA_OPDIV);
  cr_assert(isinf(lua_tonumber(L, -1)));
  lua_pushnumber(L, 5.0);
  lua_pushnumber(L, INFINITY);
  lua_arith(L, LUA_OPMOD);
  cr_assert_float_eq(lua_tonumber(L, -1), 5.0, 0);
  lua_pushnumber(L, 3.0);
  lua_pushnumber(L, 1.0);
  lua_arith(L, LUA_OPBOR);  /* floats with exact integer values are accepted */
  cr_assert(lua_isinteger(L, -1));
  cr_assert_eq(lua_tointeger(L, -1), 3);
}

Test(arith, strings_are_coerced) {
  lua_pushstring(L, "10");
  lua_pushstring(L, "0x10");
  lua_arith(L, LUA_OPADD);
  cr_assert(lua_isinteger(L, -1));
  cr_assert_eq(lua_tointeger(L, -1), 26);
  lua_pushstring(L, "1.5");
  lua_pushinteger(L, 1);
  lua_arith(L, LUA_OPMUL);
  cr_assert_float_eq(lua_tonumber(L, -1), 1.5, 0);
}

static int div_by_zero(lua_State *L1) {
  lua_pushinteger(L1, 1);
  lua_pushinteger(L1, 0);
  lua_arith(L1, (int)lua_tointeger(L1, 1));
  return 1;
}

static int arith_bad(lua_State *L1) {
  lua_pushinteger(L1, 1);
  lua_pushvalue(L1, 2);
  lua_arith(L1, (int)lua_tointeger(L1, 1));
  return 1;
}

static const char *call_err(lua_CFunction f, int op, int push_arg) {
  lua_settop(L, 0);
  lua_pushcfunction(L, f);
  lua_pushinteger(L, op);
  if (push_arg == 1)
    lua_newtable(L);
  else if (push_arg == 2)
    lua_pushnumber(L, 1.5);
  else if (push_arg == 3)
    lua_pushstring(L, "abc");
  cr_assert_eq(lua_pcall(L, push_arg ? 2 : 1, 1, 0), LUA_ERRRUN);
  return lua_tostring(L, -1);
}

Test(arith, errors_have_lua54_wording) {
  cr_assert_str_eq(call_err(div_by_zero, LUA_OPIDIV, 0), "attempt to divide by zero");
  cr_assert_str_eq(call_err(div_by_zero, LUA_OPMOD, 0), "attempt to perform 'n%0'");
  cr_assert_str_eq(call_err(arith_bad, LUA_OPADD, 1), "attempt to perform arithmetic on a table value");
  cr_assert_str_eq(call_err(arith_bad, LUA_OPBAND, 2), "number has no integer representation");
  cr_assert_str_eq(call_err(arith_bad, LUA_OPBAND, 1),
                   "attempt to perform bitwise operation on a table value");
  /* a non-numeric string reaches the string library's __add */
  cr_assert_str_eq(call_err(arith_bad, LUA_OPADD, 3), "attempt to add a 'number' with a 'string'");
}

Test(arith, metamethods_are_called) {
  run("return setmetatable({}, {__add = function(a, b) return 'added' end,\n"
      "  __unm = function(a) return 'negated' end, __band = function() return 'anded' end,\n"
      "  __lt = function(a, b) return true end, __le = function() return false end,\n"
      "  __eq = function() return true end})");
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 1);
  lua_arith(L, LUA_OPADD);
  cr_assert_str_eq(lua_tostring(L, -1), "added");
  lua_pushvalue(L, 1);
  lua_arith(L, LUA_OPUNM);
  cr_assert_str_eq(lua_tostring(L, -1), "negated");
  lua_pushinteger(L, 1);
  lua_pushvalue(L, 1);
  lua_arith(L, LUA_OPBAND);
  cr_assert_str_eq(lua_tostring(L, -1), "anded");
  lua_settop(L, 1);
  lua_newtable(L);
  cr_assert(lua_compare(L, 1, 2, LUA_OPLT));
  cr_assert(!lua_compare(L, 1, 2, LUA_OPLE));
  cr_assert(lua_compare(L, 1, 2, LUA_OPEQ));  /* both tables: __eq of the first */
  cr_assert(!lua_rawequal(L, 1, 2));
}

Test(arith, compare_numbers_and_strings) {
  lua_pushinteger(L, 1);
  lua_pushnumber(L, 1.5);
  lua_pushstring(L, "a");
  lua_pushstring(L, "b");
  lua_pushinteger(L, LUA_MAXINTEGER);
  lua_pushnumber(L, 9223372036854775808.0);
  cr_assert(lua_compare(L, 1, 2, LUA_OPLT));
  cr_assert(lua_compare(L, 1, 2, LUA_OPLE));
  cr_assert(!lua_compare(L, 2, 1, LUA_OPLE));
  cr_assert(lua_compare(L, 3, 4, LUA_OPLT));
  cr_assert(lua_compare(L, 3, 3, LUA_OPLE));
  cr_assert(lua_compare(L, 5, 6, LUA_OPLT));  /* exact integer/float comparison */
  cr_assert(!lua_compare(L, 5, 6, LUA_OPEQ));
  cr_assert(!lua_compare(L, 1, 20, LUA_OPLT));  /* invalid index: 0 */
  cr_assert(!lua_compare(L, 1, 20, LUA_OPEQ));
  lua_pushnumber(L, NAN);
  cr_assert(!lua_compare(L, -1, -1, LUA_OPEQ));
  cr_assert(!lua_compare(L, -1, -1, LUA_OPLE));
}

static int compare_bad(lua_State *L1) {
  lua_pushinteger(L1, 1);
  lua_pushstring(L1, "1");
  lua_pushboolean(L1, lua_compare(L1, 1, 2, LUA_OPLT));
  return 1;
}

Test(arith, comparing_different_types_raises) {
  lua_pushcfunction(L, compare_bad);
  cr_assert_eq(lua_pcall(L, 0, 1, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to compare number with string");
}

Test(arith, operator_constants_are_lua54s) {
  cr_assert_eq(LUA_OPADD, 0);
  cr_assert_eq(LUA_OPPOW, 4);
  cr_assert_eq(LUA_OPDIV, 5);
  cr_assert_eq(LUA_OPIDIV, 6);
  cr_assert_eq(LUA_OPBAND, 7);
  cr_assert_eq(LUA_OPSHR, 11);
  cr_assert_eq(LUA_OPUNM, 12);
  cr_assert_eq(LUA_OPBNOT, 13);
  cr_assert_eq(LUA_OPEQ, 0);
  cr_assert_eq(LUA_OPLT, 1);
  cr_assert_eq(LUA_OPLE, 2);
}
