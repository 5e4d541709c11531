/* Shared set-up for the C API Criterion tests (tests/capi/test_*.c): a fresh state with the
 * standard libraries per test, and small helpers. The tests include only the public headers,
 * so the same files also build against Debian's liblua5.4 (a throwaway check that every
 * asserted result is lua5.4's). */
#ifndef CAPI_TEST_H
#define CAPI_TEST_H

#include <string.h>
#include <criterion/criterion.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

static lua_State *L;

static inline void capi_setup(void) {
  L = luaL_newstate();
  luaL_openlibs(L);
}
static inline void capi_teardown(void) {
  if (L)
    lua_close(L);
  L = NULL;
}

/* Runs a chunk that must succeed, leaving its results on the stack. */
static inline void run(const char *code) {
  int status = luaL_dostring(L, code);
  cr_assert_eq(status, LUA_OK, "chunk failed: %s", status ? lua_tostring(L, -1) : "");
}

/* Runs a chunk that must fail with status STATUS; returns the message (left on the stack). */
static inline const char *run_fail(const char *code, int status) {
  int got = luaL_loadstring(L, code);
  if (got == LUA_OK)
    got = lua_pcall(L, 0, 0, 0);
  cr_assert_eq(got, status, "status %d, message %s", got, lua_tostring(L, -1));
  return lua_tostring(L, -1);
}

#endif
