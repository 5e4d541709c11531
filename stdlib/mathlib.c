/* The math library (luaopen_math): Lua 5.4's math functions and constants, written
 * against the public C API. Results, integer/float subtypes and error messages follow
 * lua5.4; math.random uses xoshiro256** seeded exactly as lua5.4 seeds it, so a script
 * that calls math.randomseed(n) sees the same sequence as under lua5.4. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define MATH_PI 3.141592653589793238462643383279502884

/* Pushes float d as an integer when it has an exact integer value in range (the
 * results of floor/ceil are integers in 5.4 whenever they fit). */
static void math_push_numint(lua_State *L, lua_Number d) {
  lua_Integer n;
  if (lua_numbertointeger(d, &n))
    lua_pushinteger(L, n);
  else
    lua_pushnumber(L, d);
}

static int math_abs(lua_State *L) {
  if (lua_isinteger(L, 1)) {
    lua_Integer n = lua_tointeger(L, 1);
    /* Unsigned negation: abs(mininteger) wraps to itself, as in lua5.4. */
    if (n < 0) n = (lua_Integer)(0u - (lua_Unsigned)n);
    lua_pushinteger(L, n);
  } else {
    lua_pushnumber(L, fabs(luaL_checknumber(L, 1)));
  }
  return 1;
}

static int math_sin(lua_State *L) { lua_pushnumber(L, sin(luaL_checknumber(L, 1))); return 1; }
static int math_cos(lua_State *L) { lua_pushnumber(L, cos(luaL_checknumber(L, 1))); return 1; }
static int math_tan(lua_State *L) { lua_pushnumber(L, tan(luaL_checknumber(L, 1))); return 1; }
static int math_asin(lua_State *L) { lua_pushnumber(L, asin(luaL_checknumber(L, 1))); return 1; }
static int math_acos(lua_State *L) { lua_pushnumber(L, acos(luaL_checknumber(L, 1))); return 1; }
static int math_exp(lua_State *L) { lua_pushnumber(L, exp(luaL_checknumber(L, 1))); return 1; }
static int math_sqrt(lua_State *L) { lua_pushnumber(L, sqrt(luaL_checknumber(L, 1))); return 1; }

static int math_atan(lua_State *L) {
  lua_Number y = luaL_checknumber(L, 1);
  lua_Number x = luaL_optnumber(L, 2, 1);
  lua_pushnumber(L, atan2(y, x));
  return 1;
}

static int math_tointeger(lua_State *L) {
  int ok;
  lua_Integer n = lua_tointegerx(L, 1, &ok);
  if (ok) {
    lua_pushinteger(L, n);
  } else {
    luaL_checkany(L, 1);
    luaL_pushfail(L);
  }
  return 1;
}

static int math_floor(lua_State *L) {
  if (lua_isinteger(L, 1))
    lua_settop(L, 1);
  else
    math_push_numint(L, floor(luaL_checknumber(L, 1)));
  return 1;
}

static int math_ceil(lua_State *L) {
  if (lua_isinteger(L, 1))
    lua_settop(L, 1);
  else
    math_push_numint(L, ceil(luaL_checknumber(L, 1)));
  return 1;
}

/* Integer fmod uses C's truncating remainder (sign of the dividend), unlike '%'. */
static int math_fmod(lua_State *L) {
  if (lua_isinteger(L, 1) && lua_isinteger(L, 2)) {
    lua_Integer d = lua_tointeger(L, 2);
    if ((lua_Unsigned)d + 1u <= 1u) { /* d is 0 or -1: special cases */
      luaL_argcheck(L, d != 0, 2, "zero");
      lua_pushinteger(L, 0); /* x % -1 is 0; avoids the mininteger % -1 overflow trap */
    } else {
      lua_pushinteger(L, lua_tointeger(L, 1) % d);
    }
  } else {
    lua_pushnumber(L, fmod(luaL_checknumber(L, 1), luaL_checknumber(L, 2)));
  }
  return 1;
}

static int math_modf(lua_State *L) {
  if (lua_isinteger(L, 1)) {
    lua_settop(L, 1);
    lua_pushnumber(L, 0);
  } else {
    lua_Number n = luaL_checknumber(L, 1);
    lua_Number ip = n < 0 ? ceil(n) : floor(n);
    math_push_numint(L, ip); /* lua5.4 gives the integral part as an integer when it fits */
    /* inf - inf would be nan: the fractional part of an infinity is 0 */
    lua_pushnumber(L, n == ip ? 0.0 : n - ip);
  }
  return 2;
}

static int math_ult(lua_State *L) {
  lua_Integer a = luaL_checkinteger(L, 1);
  lua_Integer b = luaL_checkinteger(L, 2);
  lua_pushboolean(L, (lua_Unsigned)a < (lua_Unsigned)b);
  return 1;
}

/* Bases 2 and 10 use the dedicated functions so that log(8, 2) is exactly 3. */
static int math_log(lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1);
  lua_Number res;
  if (lua_isnoneornil(L, 2)) {
    res = log(x);
  } else {
    lua_Number base = luaL_checknumber(L, 2);
    if (base == 2.0)
      res = log2(x);
    else if (base == 10.0)
      res = log10(x);
    else
      res = log(x) / log(base);
  }
  lua_pushnumber(L, res);
  return 1;
}

static int math_deg(lua_State *L) {
  lua_pushnumber(L, luaL_checknumber(L, 1) * (180.0 / MATH_PI));
  return 1;
}

static int math_rad(lua_State *L) {
  lua_pushnumber(L, luaL_checknumber(L, 1) * (MATH_PI / 180.0));
  return 1;
}

/* min and max keep the original argument (its subtype included), compared with '<';
 * like lua5.4.4 they check no types, so math.max("x") is "x" and mixed kinds raise
 * the comparison error. */
static int math_minmax(lua_State *L, int want_max) {
  int n = lua_gettop(L);
  int best = 1;
  luaL_argcheck(L, n >= 1, 1, "value expected");
  for (int i = 2; i <= n; i++) {
    if (want_max ? lua_compare(L, best, i, LUA_OPLT) : lua_compare(L, i, best, LUA_OPLT))
      best = i;
  }
  lua_pushvalue(L, best);
  return 1;
}

static int math_min(lua_State *L) { return math_minmax(L, 0); }
static int math_max(lua_State *L) { return math_minmax(L, 1); }

static int math_type(lua_State *L) {
  if (lua_type(L, 1) == LUA_TNUMBER) {
    lua_pushstring(L, lua_isinteger(L, 1) ? "integer" : "float");
  } else {
    luaL_checkany(L, 1);
    luaL_pushfail(L);
  }
  return 1;
}

/* ---- Lua 5.3 functions kept by Debian's lua5.4 (built with LUA_COMPAT_MATHLIB) ---- */

static int math_cosh(lua_State *L) { lua_pushnumber(L, cosh(luaL_checknumber(L, 1))); return 1; }
static int math_sinh(lua_State *L) { lua_pushnumber(L, sinh(luaL_checknumber(L, 1))); return 1; }
static int math_tanh(lua_State *L) { lua_pushnumber(L, tanh(luaL_checknumber(L, 1))); return 1; }
static int math_log10(lua_State *L) { lua_pushnumber(L, log10(luaL_checknumber(L, 1))); return 1; }

static int math_pow(lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1);
  lua_Number y = luaL_checknumber(L, 2);
  lua_pushnumber(L, pow(x, y));
  return 1;
}

static int math_frexp(lua_State *L) {
  int e;
  lua_pushnumber(L, frexp(luaL_checknumber(L, 1), &e));
  lua_pushinteger(L, e);
  return 2;
}

static int math_ldexp(lua_State *L) {
  lua_Number x = luaL_checknumber(L, 1);
  int e = (int)luaL_checkinteger(L, 2);
  lua_pushnumber(L, ldexp(x, e));
  return 1;
}

/* ---- pseudo-random numbers: xoshiro256** (state lives in a userdata upvalue) ---- */

typedef struct RandState {
  uint64_t s[4];
} RandState;

static uint64_t rand_rotl(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

static uint64_t rand_next(RandState *g) {
  uint64_t *s = g->s;
  uint64_t result = rand_rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rand_rotl(s[3], 45);
  return result;
}

/* The top 53 bits scaled into [0, 1), as lua5.4 does for doubles. */
static lua_Number rand_to_float(uint64_t x) {
  return (lua_Number)(x >> 11) * 0x1.0p-53;
}

/* Maps a random value into [0, n] without bias: mask to the smallest 2^b - 1 covering
 * n and draw again while the result is above n. */
static lua_Unsigned rand_project(lua_Unsigned ran, lua_Unsigned n, RandState *g) {
  if ((n & (n + 1)) == 0) return ran & n;
  lua_Unsigned lim = n;
  lim |= lim >> 1;
  lim |= lim >> 2;
  lim |= lim >> 4;
  lim |= lim >> 8;
  lim |= lim >> 16;
  lim |= lim >> 32;
  while ((ran &= lim) > n) ran = rand_next(g);
  return ran;
}

static int math_random(lua_State *L) {
  RandState *g = (RandState *)lua_touserdata(L, lua_upvalueindex(1));
  uint64_t rv = rand_next(g);
  lua_Integer low, up;
  switch (lua_gettop(L)) {
    case 0:
      lua_pushnumber(L, rand_to_float(rv));
      return 1;
    case 1:
      low = 1;
      up = luaL_checkinteger(L, 1);
      if (up == 0) { /* math.random(0): a full 64-bit random integer */
        lua_pushinteger(L, (lua_Integer)rv);
        return 1;
      }
      break;
    case 2:
      low = luaL_checkinteger(L, 1);
      up = luaL_checkinteger(L, 2);
      break;
    default:
      return luaL_error(L, "wrong number of arguments");
  }
  luaL_argcheck(L, low <= up, 1, "interval is empty");
  lua_Unsigned p = rand_project(rv, (lua_Unsigned)up - (lua_Unsigned)low, g);
  lua_pushinteger(L, (lua_Integer)(p + (lua_Unsigned)low));
  return 1;
}

/* lua5.4's seeding: the two seed words go in s[0] and s[2], a constant in s[1] keeps
 * the state non-zero, and 16 discarded draws spread the seed over all bits. */
static void rand_setseed(lua_State *L, RandState *g, lua_Unsigned n1, lua_Unsigned n2) {
  g->s[0] = n1;
  g->s[1] = 0xff;
  g->s[2] = n2;
  g->s[3] = 0;
  for (int i = 0; i < 16; i++) rand_next(g);
  lua_pushinteger(L, (lua_Integer)n1);
  lua_pushinteger(L, (lua_Integer)n2);
}

static void rand_seed_randomly(lua_State *L, RandState *g) {
  lua_Unsigned t = (lua_Unsigned)time(NULL);
  lua_Unsigned addr = (lua_Unsigned)(uintptr_t)L;
  rand_setseed(L, g, t, addr);
}

static int math_randomseed(lua_State *L) {
  RandState *g = (RandState *)lua_touserdata(L, lua_upvalueindex(1));
  if (lua_isnone(L, 1)) {
    rand_seed_randomly(L, g);
  } else {
    lua_Integer n1 = luaL_checkinteger(L, 1);
    lua_Integer n2 = luaL_optinteger(L, 2, 0);
    rand_setseed(L, g, (lua_Unsigned)n1, (lua_Unsigned)n2);
  }
  return 2;
}

static const luaL_Reg math_random_funcs[] = {
  {"random", math_random},
  {"randomseed", math_randomseed},
  {NULL, NULL}
};

/* random and randomseed share one state, held as their upvalue. */
static void math_open_random(lua_State *L) {
  RandState *g = (RandState *)lua_newuserdatauv(L, sizeof(RandState), 0);
  rand_seed_randomly(L, g);
  lua_pop(L, 2);
  luaL_setfuncs(L, math_random_funcs, 1);
}

static const luaL_Reg math_funcs[] = {
  {"abs", math_abs},
  {"ceil", math_ceil},
  {"floor", math_floor},
  {"fmod", math_fmod},
  {"modf", math_modf},
  {"tointeger", math_tointeger},
  {"type", math_type},
  {"ult", math_ult},
  {"sin", math_sin},
  {"cos", math_cos},
  {"tan", math_tan},
  {"asin", math_asin},
  {"acos", math_acos},
  {"atan", math_atan},
  {"exp", math_exp},
  {"log", math_log},
  {"sqrt", math_sqrt},
  {"deg", math_deg},
  {"rad", math_rad},
  {"min", math_min},
  {"max", math_max},
  {"atan2", math_atan},
  {"cosh", math_cosh},
  {"sinh", math_sinh},
  {"tanh", math_tanh},
  {"pow", math_pow},
  {"frexp", math_frexp},
  {"ldexp", math_ldexp},
  {"log10", math_log10},
  /* placeholders for the constants and the random functions set below */
  {"pi", NULL},
  {"huge", NULL},
  {"maxinteger", NULL},
  {"mininteger", NULL},
  {"random", NULL},
  {"randomseed", NULL},
  {NULL, NULL}
};

LUAMOD_API int luaopen_math(lua_State *L) {
  luaL_newlib(L, math_funcs);
  lua_pushnumber(L, MATH_PI);
  lua_setfield(L, -2, "pi");
  lua_pushnumber(L, HUGE_VAL);
  lua_setfield(L, -2, "huge");
  lua_pushinteger(L, LUA_MAXINTEGER);
  lua_setfield(L, -2, "maxinteger");
  lua_pushinteger(L, LUA_MININTEGER);
  lua_setfield(L, -2, "mininteger");
  math_open_random(L);
  return 1;
}
