/* A small shared library for the ffi tests (tests/ffi/run.sh builds it as testlib.so):
 * functions over every integer width, floats and doubles, many arguments (some passed on
 * the stack), pointers and out-parameters, an opaque struct, a variadic function, errno,
 * and callers of C function pointers for ffi.callback. Each result is easy to predict. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Integer widths: sums that wrap in the type's width, and extreme values as results
 * (small results must come back sign- or zero-extended). */
int8_t add_i8(int8_t a, int8_t b) { return (int8_t)(a + b); }
uint8_t add_u8(uint8_t a, uint8_t b) { return (uint8_t)(a + b); }
int16_t add_i16(int16_t a, int16_t b) { return (int16_t)(a + b); }
uint16_t add_u16(uint16_t a, uint16_t b) { return (uint16_t)(a + b); }
int32_t add_i32(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
uint32_t add_u32(uint32_t a, uint32_t b) { return a + b; }
int64_t add_i64(int64_t a, int64_t b) { return (int64_t)((uint64_t)a + (uint64_t)b); }
uint64_t add_u64(uint64_t a, uint64_t b) { return a + b; }
int8_t min_i8(void) { return INT8_MIN; }
uint8_t max_u8(void) { return UINT8_MAX; }
int16_t min_i16(void) { return INT16_MIN; }
uint16_t max_u16(void) { return UINT16_MAX; }
int32_t min_i32(void) { return INT32_MIN; }
uint32_t max_u32(void) { return UINT32_MAX; }
int64_t min_i64(void) { return INT64_MIN; }
uint64_t max_u64(void) { return UINT64_MAX; }
unsigned long long ull_bits(unsigned long long x) { return x >> 60; }

/* Booleans and floating point. */
bool is_even(int x) { return x % 2 == 0; }
bool bool_not(bool b) { return !b; }
float half_f(float x) { return x / 2.0f; }
double mix(int a, float b, double c, int64_t d) { return a + b + c + (double)d; }

/* 18 arguments: past the six integer and eight float registers of the x86-64 ABI. */
double many(int a, double b, int c, double d, int e, double f, int g, double h, int i,
            double j, int k, double l, int m, double n, int o, double p, int q, double r) {
  return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p + q + r;
}

/* Pointers, arrays and out-parameters. */
void divmod(int a, int b, int *quot, int *rem) {
  *quot = a / b;
  *rem = a % b;
}
int64_t sum_i32(const int32_t *p, size_t n) {
  int64_t s = 0;
  for (size_t i = 0; i < n; i++) s += p[i];
  return s;
}
void fill_u16(uint16_t *p, size_t n, uint16_t start) {
  for (size_t i = 0; i < n; i++) p[i] = (uint16_t)(start + i);
}
double dot(const double *a, const double *b, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += a[i] * b[i];
  return s;
}
const char *greet(void) { return "hello from testlib"; }
const char *no_string(void) { return NULL; }
char *upcase(char *s) {
  for (char *p = s; *p; p++)
    if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 'a' + 'A');
  return s;
}
size_t count_char(const char *s, int c) {
  size_t n = 0;
  for (; *s; s++) n += (*s == c);
  return n;
}
void *same_ptr(void *p) { return p; }
int is_null(const void *p) { return p == NULL; }
static int static_table[4] = {10, 20, 30, 40};
int *table_ptr(void) { return static_table; }

/* An opaque struct reached only through pointers. */
struct counter { int value; };
struct counter *counter_new(int start) {
  struct counter *c = malloc(sizeof *c);
  if (c) c->value = start;
  return c;
}
int counter_incr(struct counter *c) { return ++c->value; }
void counter_free(struct counter *c) { free(c); }

/* Variadic: the sum of n long long arguments; and a formatter-like mix. */
long long vsum(int n, ...) {
  va_list ap;
  long long s = 0;
  va_start(ap, n);
  for (int i = 0; i < n; i++) s += va_arg(ap, long long);
  va_end(ap);
  return s;
}
double vavg(int n, ...) {
  va_list ap;
  double s = 0;
  va_start(ap, n);
  for (int i = 0; i < n; i++) s += va_arg(ap, double);
  va_end(ap);
  return n ? s / n : 0;
}

/* errno, as a failing libc call would leave it. */
int fail_with(int e) {
  errno = e;
  return -1;
}

/* Callers of function pointers (the targets of ffi.callback). */
int apply_twice(int (*f)(int), int x) { return f(f(x)); }
int8_t call_i8(int8_t (*f)(int8_t), int8_t x) { return f(x); }
uint8_t call_u8(uint8_t (*f)(uint8_t), uint8_t x) { return f(x); }
uint16_t call_u16(uint16_t (*f)(uint16_t), uint16_t x) { return f(x); }
int64_t call_i64(int64_t (*f)(int64_t, int64_t), int64_t a, int64_t b) { return f(a, b); }
uint64_t call_u64(uint64_t (*f)(uint64_t), uint64_t x) { return f(x); }
bool call_bool(bool (*f)(int), int x) { return f(x); }
float call_float(float (*f)(float, double), float x, double y) { return f(x, y); }
double integrate(double (*f)(double), double a, double b, int n) {
  /* midpoint rule */
  double h = (b - a) / n, s = 0;
  for (int i = 0; i < n; i++) s += f(a + (i + 0.5) * h);
  return s * h;
}
int each_word(const char *const *words, int n, void (*f)(const char *, int)) {
  for (int i = 0; i < n; i++) f(words[i], i);
  return n;
}
int count_calls(void (*f)(void), int n) {
  for (int i = 0; i < n; i++) f();
  return n;
}
void *call_ptr(void *(*f)(void *), void *p) { return f(p); }
const char *call_str(const char *(*f)(int), int x) { return f(x); }
