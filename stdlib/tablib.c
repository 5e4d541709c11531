/* The table library (luaopen_table): concat, insert, move, pack, remove, sort and
 * unpack, written against the public C API. Element access goes through lua_geti /
 * lua_seti, so __index, __newindex and __len are honoured exactly where lua5.4 honours
 * them, and a non-table with those metamethods is accepted as lua5.4 accepts it. */
#include <limits.h>
#include <stdio.h>
#include <time.h>

#include "cove.h"
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

/* Element loops charge their work to the script's budget (cove_charge) a batch at a
 * time, so a table.move over 2^40 indices still meets fuel, deadlines and Ctrl-C. */
#define TAB_CHARGE_BATCH 1024
#define TAB_CHARGE(L, i) \
  do { \
    if (((i) & (TAB_CHARGE_BATCH - 1)) == 0) cove_charge((L), TAB_CHARGE_BATCH); \
  } while (0)

/* What an operation needs from its table argument. */
#define TAB_R 1 /* read (__index) */
#define TAB_W 2 /* write (__newindex) */
#define TAB_L 4 /* length (__len) */
#define TAB_RW (TAB_R | TAB_W)

/* Is metatable field 'key' present? The metatable sits n slots below the new top. */
static int tab_has_metafield(lua_State *L, const char *key, int n) {
  lua_pushstring(L, key);
  return lua_rawget(L, -n) != LUA_TNIL;
}

/* Accepts a table, or any value whose metatable supplies every metamethod the
 * operation needs; anything else is the usual "table expected" argument error. */
static void tab_check(lua_State *L, int arg, int what) {
  if (lua_type(L, arg) == LUA_TTABLE) return;
  int n = 1;
  if (lua_getmetatable(L, arg) &&
      (!(what & TAB_R) || tab_has_metafield(L, "__index", ++n)) &&
      (!(what & TAB_W) || tab_has_metafield(L, "__newindex", ++n)) &&
      (!(what & TAB_L) || tab_has_metafield(L, "__len", ++n))) {
    lua_pop(L, n);
  } else {
    luaL_checktype(L, arg, LUA_TTABLE);
  }
}

/* The length of the table argument after checking it supports 'what' plus length. */
static lua_Integer tab_length(lua_State *L, int arg, int what) {
  tab_check(L, arg, what | TAB_L);
  return luaL_len(L, arg);
}

static int tab_insert(lua_State *L) {
  lua_Integer first_empty = luaL_intop(+, tab_length(L, 1, TAB_RW), 1);
  lua_Integer pos;
  switch (lua_gettop(L)) {
    case 2:
      pos = first_empty;
      break;
    case 3:
      pos = luaL_checkinteger(L, 2);
      /* pos must lie in [1, first_empty]; the unsigned compare also rejects pos <= 0 */
      luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)first_empty, 2,
                    "position out of bounds");
      for (lua_Integer i = first_empty; i > pos; i--) {
        TAB_CHARGE(L, i);
        lua_geti(L, 1, i - 1);
        lua_seti(L, 1, i);
      }
      break;
    default:
      return luaL_error(L, "wrong number of arguments to 'insert'");
  }
  lua_seti(L, 1, pos);
  return 0;
}

static int tab_remove(lua_State *L) {
  lua_Integer size = tab_length(L, 1, TAB_RW);
  lua_Integer pos = luaL_optinteger(L, 2, size);
  if (pos != size) /* an explicit position may be in [1, size + 1]; lua5.4.4 blames #1 */
    luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1,
                  "position out of bounds");
  lua_geti(L, 1, pos);
  for (; pos < size; pos++) {
    TAB_CHARGE(L, pos);
    lua_geti(L, 1, pos + 1);
    lua_seti(L, 1, pos);
  }
  lua_pushnil(L);
  lua_seti(L, 1, pos);
  return 1;
}

/* table.move(a1, f, e, t [, a2]): copies a1[f..e] to a2[t..], choosing the copy
 * direction so that overlapping ranges in the same table are not clobbered. */
static int tab_move(lua_State *L) {
  lua_Integer f = luaL_checkinteger(L, 2);
  lua_Integer e = luaL_checkinteger(L, 3);
  lua_Integer t = luaL_checkinteger(L, 4);
  int dest = !lua_isnoneornil(L, 5) ? 5 : 1;
  tab_check(L, 1, TAB_R);
  tab_check(L, dest, TAB_W);
  if (e >= f) {
    luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3, "too many elements to move");
    lua_Integer n = e - f + 1;
    luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4, "destination wrap around");
    if (t > e || t <= f || (dest != 1 && !lua_compare(L, 1, dest, LUA_OPEQ))) {
      for (lua_Integer i = 0; i < n; i++) {
        TAB_CHARGE(L, i);
        lua_geti(L, 1, f + i);
        lua_seti(L, dest, t + i);
      }
    } else {
      for (lua_Integer i = n - 1; i >= 0; i--) {
        TAB_CHARGE(L, i);
        lua_geti(L, 1, f + i);
        lua_seti(L, dest, t + i);
      }
    }
  }
  lua_pushvalue(L, dest);
  return 1;
}

static void tab_concat_add(lua_State *L, luaL_Buffer *b, lua_Integer i) {
  lua_geti(L, 1, i);
  if (!lua_isstring(L, -1)) {
    char num[32];
    snprintf(num, sizeof num, "%lld", (long long)i);
    luaL_error(L, "invalid value (%s) at index %s in table for 'concat'",
               luaL_typename(L, -1), num);
  }
  luaL_addvalue(b);
}

static int tab_concat(lua_State *L) {
  lua_Integer last = tab_length(L, 1, TAB_R);
  size_t seplen;
  const char *sep = luaL_optlstring(L, 2, "", &seplen);
  lua_Integer i = luaL_optinteger(L, 3, 1);
  last = luaL_optinteger(L, 4, last);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  for (; i < last; i++) {
    TAB_CHARGE(L, i);
    tab_concat_add(L, &b, i);
    luaL_addlstring(&b, sep, seplen);
  }
  if (i == last) /* the loop stops before 'last' so that last == maxinteger ends */
    tab_concat_add(L, &b, i);
  luaL_pushresult(&b);
  return 1;
}

static int tab_pack(lua_State *L) {
  int n = lua_gettop(L);
  lua_createtable(L, n, 1);
  lua_insert(L, 1);
  for (int i = n; i >= 1; i--) lua_seti(L, 1, i);
  lua_pushinteger(L, n);
  lua_setfield(L, 1, "n");
  return 1;
}

static int tab_unpack(lua_State *L) {
  lua_Integer i = luaL_optinteger(L, 2, 1);
  lua_Integer e = luaL_opt(L, luaL_checkinteger, 3, luaL_len(L, 1));
  if (i > e) return 0;
  lua_Unsigned n = (lua_Unsigned)e - (lua_Unsigned)i; /* count minus one: no overflow */
  if (n >= (unsigned int)INT_MAX || !lua_checkstack(L, (int)(++n)))
    return luaL_error(L, "too many results to unpack");
  for (; i < e; i++) lua_geti(L, 1, i); /* stop before e: e may be maxinteger */
  lua_geti(L, 1, e);
  return (int)n;
}

/* ---- sort: lua5.4's quicksort, so comparators see the same sequence of calls ---- */

typedef unsigned int SortIdx;

/* Intervals at least this long get a randomized pivot once sorting looks degenerate. */
#define SORT_RANLIMIT 100u

static unsigned int sort_random_seed(void) {
  clock_t c = clock();
  time_t t = time(NULL);
  return (unsigned int)c + (unsigned int)t;
}

/* Does a[a_idx] sort before a[b_idx] (stack indices)? cmp: is there an order function
 * (at stack index 2)? Asked once per sort, not per comparison. */
static int sort_less(lua_State *L, int cmp, int a, int b) {
  if (!cmp) return lua_compare(L, a, b, LUA_OPLT);
  lua_pushvalue(L, 2);
  lua_pushvalue(L, a - 1); /* each push shifts the relative indices by one */
  lua_pushvalue(L, b - 2);
  lua_call(L, 2, 1);
  int res = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return res;
}

/* Stores the top value in t[i] and the one below it in t[j]. */
static void sort_set2(lua_State *L, SortIdx i, SortIdx j) {
  lua_seti(L, 1, i);
  lua_seti(L, 1, j);
}

/* Partitions a[lo..up] around the pivot P (on the stack top, also at a[up - 1]).
 * An order function that is not a strict weak order can drive the scans past the
 * interval's ends; those two cases are detected and reported instead of reading
 * outside the array or looping forever. */
static SortIdx sort_partition(lua_State *L, int cmp, SortIdx lo, SortIdx up) {
  cove_charge(L, (size_t)(up - lo));
  SortIdx i = lo;
  SortIdx j = up - 1;
  for (;;) {
    while (lua_geti(L, 1, ++i), sort_less(L, cmp, -1, -2)) {
      if (i == up - 1) luaL_error(L, "invalid order function for sorting");
      lua_pop(L, 1);
    }
    while (lua_geti(L, 1, --j), sort_less(L, cmp, -3, -1)) {
      if (j < i) luaL_error(L, "invalid order function for sorting");
      lua_pop(L, 1);
    }
    if (j < i) {
      lua_pop(L, 1);
      sort_set2(L, up - 1, i); /* the pivot goes to its final place */
      return i;
    }
    sort_set2(L, i, j);
  }
}

static SortIdx sort_choose_pivot(SortIdx lo, SortIdx up, unsigned int rnd) {
  SortIdx quarter = (up - lo) / 4;
  return rnd % (quarter * 2) + (lo + quarter);
}

static void sort_range(lua_State *L, int cmp, SortIdx lo, SortIdx up, unsigned int rnd) {
  while (lo < up) { /* the larger half is handled by looping, the smaller by recursion */
    lua_geti(L, 1, lo);
    lua_geti(L, 1, up);
    if (sort_less(L, cmp, -1, -2))
      sort_set2(L, lo, up);
    else
      lua_pop(L, 2);
    if (up - lo == 1) break;
    SortIdx p;
    if (up - lo < SORT_RANLIMIT || rnd == 0)
      p = (lo + up) / 2;
    else
      p = sort_choose_pivot(lo, up, rnd);
    /* median of three: order a[lo], a[p], a[up] */
    lua_geti(L, 1, p);
    lua_geti(L, 1, lo);
    if (sort_less(L, cmp, -2, -1)) {
      sort_set2(L, p, lo);
    } else {
      lua_pop(L, 1);
      lua_geti(L, 1, up);
      if (sort_less(L, cmp, -1, -2))
        sort_set2(L, p, up);
      else
        lua_pop(L, 2);
    }
    if (up - lo == 2) break;
    lua_geti(L, 1, p); /* the pivot stays on the stack during partitioning */
    lua_pushvalue(L, -1);
    lua_geti(L, 1, up - 1);
    sort_set2(L, p, up - 1);
    p = sort_partition(L, cmp, lo, up);
    SortIdx smaller;
    if (p - lo < up - p) {
      sort_range(L, cmp, lo, p - 1, rnd);
      smaller = p - lo;
      lo = p + 1;
    } else {
      sort_range(L, cmp, p + 1, up, rnd);
      smaller = up - p;
      up = p - 1;
    }
    if ((up - lo) / 128 > smaller) /* badly unbalanced: switch to random pivots */
      rnd = sort_random_seed();
  }
}

/* vm/api.c: the default order on a plain table of integers or strings, sorted in
 * place (the result is the only sorted order there is); 0 when it does not apply. */
int luai_sortplain(lua_State *L, int idx, lua_Integer n);

static int tab_sort(lua_State *L) {
  lua_Integer n = tab_length(L, 1, TAB_RW);
  if (n > 1) {
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    int cmp = !lua_isnoneornil(L, 2);
    if (cmp) luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    if (!cmp && luai_sortplain(L, 1, n))
      return 0;
    sort_range(L, cmp, 1, (SortIdx)n, 0);
  }
  return 0;
}

static const luaL_Reg tab_funcs[] = {
  {"concat", tab_concat},
  {"insert", tab_insert},
  {"pack", tab_pack},
  {"unpack", tab_unpack},
  {"remove", tab_remove},
  {"move", tab_move},
  {"sort", tab_sort},
  {NULL, NULL}
};

LUAMOD_API int luaopen_table(lua_State *L) {
  luaL_newlib(L, tab_funcs);
  return 1;
}
