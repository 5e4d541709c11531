/* table.sort's fast case: the default order on a plain table whose elements 1..n are all
 * integers, or all strings under the "C" collation. There '<' is a strict total order,
 * so the sorted array is the only possible result, whatever the algorithm: lua5.4's
 * quicksort, run through lua_geti/lua_seti/lua_compare (stdlib/tablib.c), and the
 * introsort below on the table's own array give the same table. Nothing here calls Lua
 * code or allocates, so the array cannot move or change under the sort. Everything else
 * (an order function, a metatable, holes, floats, which may be NaN or -0.0, mixed
 * types, other collations) takes lua5.4's path, errors included. */
#include <locale.h>
#include <string.h>

#include "table.h"
#include "cove.h"
#include "meta.h"

#define PLAIN_SMALL 16   /* ranges this short are insertion-sorted */

static inline void plain_swap(Value *x, Value *y) {
  Value t = *x;
  *x = *y;
  *y = t;
}

static inline int plain_less(lua_State *L, const Value *a, const Value *b, int strings) {
  return strings ? vm_lessthan(L, a, b) : ivalue(a) < ivalue(b);
}

static void plain_insertion(lua_State *L, Value *a, size_t n, int strings) {
  for (size_t i = 1; i < n; i++) {
    Value v = a[i];
    size_t j = i;
    for (; j > 0 && plain_less(L, &v, &a[j - 1], strings); j--)
      a[j] = a[j - 1];
    a[j] = v;
  }
}

static void plain_siftdown(lua_State *L, Value *a, size_t root, size_t n, int strings) {
  for (;;) {
    size_t child = 2 * root + 1;
    if (child >= n)
      return;
    if (child + 1 < n && plain_less(L, &a[child], &a[child + 1], strings))
      child++;
    if (!plain_less(L, &a[root], &a[child], strings))
      return;
    plain_swap(&a[root], &a[child]);
    root = child;
  }
}

static void plain_heapsort(lua_State *L, Value *a, size_t n, int strings) {
  for (size_t i = n / 2; i-- > 0;)
    plain_siftdown(L, a, i, n, strings);
  while (n > 1) {
    plain_swap(&a[0], &a[--n]);
    plain_siftdown(L, a, 0, n, strings);
  }
}

static inline void plain_order2(lua_State *L, Value *x, Value *y, int strings) {
  if (plain_less(L, y, x, strings))
    plain_swap(x, y);
}

/* Quicksort with a median-of-three pivot and Hoare's partition; the smaller side
 * recurses, the larger loops; heapsort once `depth` runs out (no quadratic case). */
static void plain_sort(lua_State *L, Value *a, size_t n, int strings, int depth) {
  while (n > PLAIN_SMALL) {
    if (depth-- == 0) {
      plain_heapsort(L, a, n, strings);
      return;
    }
    cove_charge(L, n);  /* the same units as lua5.4's path charges per partition */
    Value *mid = a + n / 2;
    plain_order2(L, a, mid, strings);
    plain_order2(L, mid, a + n - 1, strings);
    plain_order2(L, a, mid, strings);
    Value pivot = *mid;
    size_t i = 0, j = n - 1;
    for (;;) {  /* a[0] <= pivot <= a[n - 1]: both scans stop inside the range */
      while (plain_less(L, &a[i], &pivot, strings))
        i++;
      while (plain_less(L, &pivot, &a[j], strings))
        j--;
      if (i >= j)
        break;
      plain_swap(&a[i], &a[j]);
      i++;
      j--;
    }
    size_t left = j + 1;  /* [0, j] and [j + 1, n), neither empty */
    if (left < n - left) {
      plain_sort(L, a, left, strings, depth);
      a += left;
      n -= left;
    } else {
      plain_sort(L, a + left, n - left, strings, depth);
      n = left;
    }
  }
  plain_insertion(L, a, n, strings);
}

void tab_sort_values(lua_State *L, Value *a, size_t n, int strings, int depth) {
  plain_sort(L, a, n, strings, depth);
}

static int collation_is_c(void) {
  const char *loc = setlocale(LC_COLLATE, NULL);
  return loc != NULL && (strcmp(loc, "C") == 0 || strcmp(loc, "POSIX") == 0);
}

int tab_sort_plain(lua_State *L, Table *t, lua_Unsigned n) {
  if (t->metatable != NULL || t->weakmode != 0 || n < 2 || n > t->asize)
    return 0;
  Value *a = t->array;
  int strings = ttisstring(&a[0]);
  for (lua_Unsigned i = 0; i < n; i++) {
    if (strings ? !ttisstring(&a[i]) : !ttisinteger(&a[i]))
      return 0;
  }
  if (strings && !collation_is_c())
    return 0;
  int depth = 0;
  for (lua_Unsigned m = n; m > 1; m >>= 1)
    depth += 2;
  tab_sort_values(L, a, (size_t)n, strings, depth);
  if (t->lenhint < n)  /* as the reads of lua5.4's path would have left it */
    t->lenhint = (uint32_t)n;
  return 1;
}
