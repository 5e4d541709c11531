/* Sanitizer canary: proves that `make test-asan` really runs instrumented code. Each mode
 * commits one deliberate error that the ASan/UBSan build must stop on (nonzero exit and a
 * report on stderr); tests/sanitize/canary.sh fails the gate when one goes unnoticed.
 * Values come from argv and volatile objects so no compiler can fold the error away. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static volatile int64_t big = INT64_MAX;

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "clean";
  int one = argc > 2 ? atoi(argv[2]) : 1;  /* 1, unless the caller says otherwise */
  if (strcmp(mode, "heap") == 0) {
    /* ASan: one byte past a malloc'ed block */
    char *p = malloc(16);
    char *volatile q = p;  /* hides the size from UBSan's object-size check */
    q[15 + one] = 1;
    printf("%d\n", q[15 + one]);
    free(p);
  } else if (strcmp(mode, "stack") == 0) {
    /* ASan: one element past a stack array */
    int a[4] = {0, 1, 2, 3};
    int *volatile q = a;  /* through a pointer: UBSan's bounds check does not see it */
    q[3 + one] = 7;
    printf("%d\n", q[3 + one]);
  } else if (strcmp(mode, "overflow") == 0) {
    /* UBSan: signed 64-bit overflow, as an unguarded lua_Integer addition would be */
    int64_t x = big;
    x += one;
    printf("%lld\n", (long long)x);
  } else if (strcmp(mode, "shift") == 0) {
    /* UBSan: shift by the width of the type, as an unguarded `<<` would be */
    uint64_t x = (uint64_t)one;
    int n = 63 + one;
    printf("%llu\n", (unsigned long long)(x << n));
  } else {
    puts("clean");  /* no error: must exit 0 */
  }
  return 0;
}
