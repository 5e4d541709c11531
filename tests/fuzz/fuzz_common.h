/* Shared harness for the libFuzzer targets in tests/fuzz/ (spec/fuzzing.md).
 * One Lua state per process, reused across inputs (a fresh state per input costs more
 * than most inputs); each input runs under lua_pcall with the stack reset afterwards, a
 * count hook bounding the Lua instructions it may run, fuel bounding the work of library
 * functions, and a capped collector heap, so
 * that a hostile input ends in a Lua error, never in a hang or an out-of-memory abort. */
#ifndef COVE_FUZZ_COMMON_H
#define COVE_FUZZ_COMMON_H

#include <fcntl.h>
#include <gc/gc.h>
#include <unistd.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cove.h"
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

/* Lua instructions one input may run before the count hook stops it. */
#ifndef FZ_INSN_BUDGET
#define FZ_INSN_BUDGET 20000
#endif

/* Fuel (spec/safepoints.md) for one input: the count hook does not see library code, and
 * a backtracking match or a table.move over 2^40 indices runs there. */
#ifndef FZ_FUEL
#define FZ_FUEL 4000000
#endif

static lua_State *fz_L;
static unsigned long fz_inputs;

/* Sticky: once the budget is spent every later instruction raises again, so a pcall in a
 * loop cannot catch the error and go on (each catch would buy another full budget). */
static inline void fz_budget_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, fz_budget_hook, LUA_MASKCOUNT, 1);
  luaL_error(L, "fuzz: instruction budget exhausted");
}

/* string.rep with a small cap: it is the one library call that turns a few input bytes
 * into gigabytes, which would only teach the fuzzer to find libFuzzer's RSS limit. */
static inline int fz_rep(lua_State *L) {
  size_t l;
  luaL_checklstring(L, 1, &l);
  lua_Integer n = luaL_checkinteger(L, 2);
  size_t sepl = 0;
  luaL_optlstring(L, 3, "", &sepl);
  if (n > 0 && (l + sepl) * (lua_Unsigned)n > 4096)
    return luaL_error(L, "fuzz: string.rep result too large");
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* Create the shared state: all libraries, string.rep capped, a heap limit. Lua source
 * `prelude` (may be NULL) runs once; it usually defines the driver functions. */
static inline lua_State *fz_state(const char *prelude) {
  if (fz_L != NULL)
    return fz_L;
  GC_INIT();
  /* Inputs may build big tables or strings: hit Cove's "not enough memory" path
   * well before libFuzzer's 2 GB RSS limit. */
  GC_set_max_heap_size((size_t)384 << 20);
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  lua_getglobal(L, "string");
  lua_getfield(L, -1, "rep");
  lua_pushcclosure(L, fz_rep, 1);
  lua_setfield(L, -2, "rep");
  lua_pop(L, 1);
  if (prelude != NULL && luaL_dostring(L, prelude) != LUA_OK) {
    fprintf(stderr, "fuzz prelude failed: %s\n", lua_tostring(L, -1));
    abort();
  }
  lua_settop(L, 0);
  fz_L = L;
  return L;
}

/* Call the function under `nargs` arguments on the stack, protected and bounded.
 * Returns the lua_pcall status; results (LUA_MULTRET) stay on the stack. */
static inline int fz_pcall(lua_State *L, int nargs, int nres) {
  lua_sethook(L, fz_budget_hook, LUA_MASKCOUNT, FZ_INSN_BUDGET);
  cove_setfuel(L, FZ_FUEL);
  int st = lua_pcall(L, nargs, nres, 0);
  cove_setfuel(L, 0);  /* unlimited again, and a fuel stop is cleared for the next input */
  lua_sethook(L, NULL, 0, 0);
  return st;
}

/* Once per input, after the work: drop the stack, collect now and then so garbage
 * from earlier inputs does not pile up against the heap cap. */
static inline void fz_check_interned(lua_State *L, int idx, const char *what) {
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING) {
      size_t n;
      const char *s = lua_tolstring(L, -1, &n);
      lua_pushlstring(L, s, n);
      lua_rawget(L, idx);
      if (lua_isnil(L, -1)) {
        fprintf(stderr, "fuzz: key '%s' of %s no longer found by its bytes\n", s, what);
        abort();
      }
      lua_pop(L, 1);
    }
  }
}

/* A full collection runs the finalizers of dead objects: an input's own __gc (a loop,
 * say) runs here, outside its lua_pcall, so it gets the same bounds. Errors in a
 * finalizer (the budget's included) become warnings. */
static inline void fz_collect(lua_State *L) {
  lua_sethook(L, fz_budget_hook, LUA_MASKCOUNT, FZ_INSN_BUDGET);
  cove_setfuel(L, FZ_FUEL);
  lua_gc(L, LUA_GCCOLLECT, 0);
  cove_setfuel(L, 0);
  lua_sethook(L, NULL, 0, 0);
}

static inline void fz_done(lua_State *L) {
  lua_settop(L, 0);
  static int check = -1;  /* FZ_CHECK, read once: this runs for every input */
  if (check < 0)
    check = getenv("FZ_CHECK") != NULL;
  if (check) {
    lua_pushglobaltable(L);
    fz_check_interned(L, 1, "_G");
    lua_getglobal(L, "string");
    fz_check_interned(L, 2, "string");
    lua_settop(L, 0);
  }
  if (++fz_inputs % 512 == 0)
    fz_collect(L);
  if (fz_inputs % 100000 == 0 && getenv("FZ_MEMLOG")) {
    fz_collect(L);
    fprintf(stderr, "fuzz: %lu inputs, Lua heap %d KB, libgc heap %zu KB, free %zu KB\n",
            fz_inputs, lua_gc(L, LUA_GCCOUNT, 0), GC_get_heap_size() >> 10,
            GC_get_free_bytes() >> 10);
  }
}

/* With FZ_TRACE_DIR set, every input is also written there as a numbered file, so that a
 * crash that depends on the state earlier inputs left behind (the state is shared) can be
 * replayed in order: build/fuzz/fuzz_T DIR/0* (names sort in input order). */
static inline void fz_trace(const uint8_t *data, size_t size) {
  static const char *dir;
  static unsigned long seq;
  if (dir == NULL && (dir = getenv("FZ_TRACE_DIR")) == NULL)
    dir = "";
  if (*dir == '\0')
    return;
  char path[4096];
  snprintf(path, sizeof path, "%s/%08lu", dir, ++seq);
  /* Plain system calls: no stdio buffer from the heap, so tracing disturbs the
   * allocation pattern (and with it string hashes and table order) as little as possible. */
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd >= 0) {
    if (write(fd, data, size) != (ssize_t)size)
      fputs("fuzz: trace write failed\n", stderr);
    close(fd);
  }
}

/* A byte reader over the fuzzer's input. */
typedef struct {
  const uint8_t *p;
  size_t n;
} FzIn;

static inline int fz_byte(FzIn *in) {
  if (in->n == 0)
    return 0;
  in->n--;
  return *in->p++;
}

/* Next field: bytes up to the next 0xFF separator (or the end). */
static inline size_t fz_field(FzIn *in, const char **s) {
  const uint8_t *end = memchr(in->p, 0xFF, in->n);
  size_t len = end ? (size_t)(end - in->p) : in->n;
  *s = (const char *)in->p;
  in->p += len;
  in->n -= len;
  if (in->n > 0) {
    in->p++;
    in->n--;
  }
  return len;
}

/* Push one argument chosen by the input: edge integers, edge floats, short strings,
 * nil, booleans, a table. Keeps library argument checking honest. */
static inline void fz_push_value(lua_State *L, FzIn *in) {
  static const lua_Integer ints[] = {0, 1, -1, 2, 7, 63, 64, 255, 256, 65535, 0x7fffffff,
                                     -0x80000000LL, LUA_MAXINTEGER, LUA_MININTEGER, 10, 100};
  static const double flts[] = {0.0, -0.0, 0.5, -1.5, 1e308, -1e308, 1e-310, 3.14159,
                                1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 9007199254740993.0,
                                -9.2233720368547758e18, 9.2233720368547758e18, 1e15, 2.5};
  int b = fz_byte(in);
  switch (b & 7) {
    case 0: lua_pushinteger(L, ints[(b >> 3) & 15]); break;
    case 1: lua_pushnumber(L, flts[(b >> 3) & 15]); break;
    case 2: {
      lua_Integer v = 0;
      for (int i = 0; i < 8; i++)
        v = (lua_Integer)(((lua_Unsigned)v << 8) | (lua_Unsigned)fz_byte(in));
      lua_pushinteger(L, v);
      break;
    }
    case 3: {
      uint64_t bits = 0;
      for (int i = 0; i < 8; i++)
        bits = (bits << 8) | (uint64_t)fz_byte(in);
      double d;
      memcpy(&d, &bits, sizeof d);
      lua_pushnumber(L, d);
      break;
    }
    case 4: {
      size_t len = (size_t)((b >> 3) & 31);
      if (len > in->n)
        len = in->n;
      lua_pushlstring(L, (const char *)in->p, len);
      in->p += len;
      in->n -= len;
      break;
    }
    case 5: lua_pushinteger(L, (lua_Integer)(int8_t)fz_byte(in)); break;
    case 6: lua_pushboolean(L, b & 8); break;
    default:
      if (b & 8)
        lua_newtable(L);
      else
        lua_pushnil(L);
      break;
  }
}


#endif
