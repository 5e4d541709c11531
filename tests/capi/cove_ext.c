/* Test of Cove's own API (vm/cove.h): states with options, stop reasons (error, memory,
 * fuel, deadline, interrupt from another thread), sticky quota stops that Lua's pcall
 * cannot get past, refuelling, and verified bytecode loading. Built by
 * tests/capi/host_test.sh against the installed library; prints one line per check.
 * With argument "noquota" the fuel/deadline/interrupt checks are skipped (for an
 * interpreter whose vm_safepoint does not call quota_check yet). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cove.h"
#include "lauxlib.h"
#include "lualib.h"

static int failures;

static void check(int ok, const char *what) {
  printf("%s %s\n", ok ? "ok  " : "FAIL", what);
  if (!ok)
    failures++;
}

static int dostring(lua_State *L, const char *code) {
  if (luaL_loadstring(L, code) != LUA_OK)
    return -1;
  return cove_pcall(L, 0, 0, 0);
}

typedef struct Chunk {
  char data[4096];
  size_t len;
} Chunk;

static int writer(lua_State *L, const void *p, size_t sz, void *ud) {
  Chunk *c = ud;
  (void)L;
  if (c->len + sz > sizeof c->data)
    return 1;
  memcpy(c->data + c->len, p, sz);
  c->len += sz;
  return 0;
}

static void *interrupter(void *arg) {
  struct timespec ts = {0, 50 * 1000 * 1000};
  nanosleep(&ts, NULL);
  cove_interrupt((lua_State *)arg);
  return NULL;
}

static void test_basics(void) {
  CoveOptions o;
  memset(&o, 0, sizeof o);
  o.openlibs = 1;
  o.jit = 1;
  lua_State *L = cove_newstate(&o);
  check(L != NULL, "cove_newstate with openlibs");
  check(cove_jitenabled(L) == 1, "jit option recorded");
  check(cove_getfuel(L) == -1, "no fuel limit reads -1");
  check(dostring(L, "x = string.rep('a', 3)") == LUA_OK && cove_stopreason(L) == COVE_STOP_NONE,
        "normal run: reason none");
  check(dostring(L, "error('boom')") == LUA_ERRRUN && cove_stopreason(L) == COVE_STOP_ERROR,
        "error: reason error");
  lua_pop(L, 1);
  check(strcmp(cove_stopname(COVE_STOP_DEADLINE), "deadline") == 0, "cove_stopname");

  /* verified bytecode: a dumped function loads, text is refused, garbage is refused */
  static Chunk c;
  luaL_loadstring(L, "return 6 * 7");
  check(lua_dump(L, writer, &c, 0) == 0, "lua_dump");
  lua_pop(L, 1);
  const char *chunk = c.data;
  size_t len = c.len;
  int st = cove_loadbuffer_verified(L, chunk, len, "=dumped");
  check(st == LUA_OK && lua_pcall(L, 0, 1, 0) == LUA_OK && lua_tointeger(L, -1) == 42,
        "cove_loadbuffer_verified loads a dumped chunk");
  lua_pop(L, 1);
  st = cove_loadbuffer_verified(L, "return 1", 8, "=text");
  check(st == LUA_ERRSYNTAX && strstr(lua_tostring(L, -1), "attempt to load a text chunk"),
        "cove_loadbuffer_verified refuses source text");
  lua_pop(L, 1);
  char bad[64];
  memcpy(bad, chunk, len < sizeof bad ? len : sizeof bad);
  st = cove_loadbuffer_verified(L, bad, len < sizeof bad ? len / 2 : sizeof bad, "=cut");
  check(st == LUA_ERRSYNTAX, "cove_loadbuffer_verified refuses a truncated chunk");
  lua_close(L);

  o.capabilities = &o;
  check(cove_newstate(&o) == NULL, "non-NULL capabilities refused (reserved)");
}

static void test_quotas(void) {
  CoveOptions o;
  memset(&o, 0, sizeof o);
  o.openlibs = 1;
  o.fuel = 1000000;
  lua_State *L = cove_newstate(&o);
  int st = dostring(L, "local n = 0 while true do n = n + 1 end");
  check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_FUEL, "fuel stops an endless loop");
  check(strcmp(lua_tostring(L, -1), "fuel exhausted") == 0, "fuel message");
  lua_pop(L, 1);
  check(cove_getfuel(L) == 0, "fuel reads 0 after the stop");
  st = dostring(L, "local x = 0 for i = 1, 10 do x = x + i end");
  check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_FUEL, "still out of fuel");
  lua_pop(L, 1);
  cove_setfuel(L, 100000);
  st = dostring(L, "local x = 0 for i = 1, 10 do x = x + i end");
  check(st == LUA_OK, "refuelled: small script runs");
  check(cove_getfuel(L) > 0 && cove_getfuel(L) < 100000, "fuel was charged");
  /* pcall inside the script cannot get past the stop */
  cove_setfuel(L, 200000);
  st = dostring(L,
    "local caught = 0\n"
    "for i = 1, 100 do\n"
    "  pcall(function() while true do end end)\n"
    "  caught = caught + 1\n"
    "end\n"
    "finished = true\n");
  lua_getglobal(L, "finished");
  check(st == COVE_ERRQUOTA && lua_isnil(L, -1), "pcall in the script cannot swallow the stop");
  lua_pop(L, 2);
  lua_close(L);

  memset(&o, 0, sizeof o);
  o.openlibs = 1;
  o.timeout_ms = 100;
  L = cove_newstate(&o);
  st = dostring(L, "while true do end");
  check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_DEADLINE, "timeout_ms stops the loop");
  lua_pop(L, 1);
  st = dostring(L, "local t = {} for i = 1, 100 do t[i] = i end");
  check(st == LUA_OK, "the next cove_pcall gets a new deadline");
  lua_close(L);

  memset(&o, 0, sizeof o);
  o.openlibs = 1;
  L = cove_newstate(&o);
  pthread_t th;
  pthread_create(&th, NULL, interrupter, L);
  st = dostring(L, "local co = coroutine.wrap(function() while true do coroutine.yield() end end)\n"
                   "while true do co() end");
  pthread_join(th, NULL);
  check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_INTERRUPT,
        "cove_interrupt from another thread stops the script");
  lua_pop(L, 1);
  check(dostring(L, "y = 1") == LUA_OK, "runs again after an interrupt");
  lua_close(L);
}

/* A C function of a module charging its own loop (cove_charge). */
static int busy_module_loop(lua_State *L) {
  for (;;)
    cove_charge(L, 1000);
  return 0;
}

/* Library code charges its work: fuel and deadlines hold inside one long C call. */
static void test_library_charges(void) {
  static const char *const longcalls[] = {
    "return string.match(('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40))",  /* 2^40 steps */
    "return table.move({}, 1, 1 << 40, 2)",
    "return #string.rep('x', 1 << 30)",
    "return busy()",
  };
  CoveOptions o;
  memset(&o, 0, sizeof o);
  o.openlibs = 1;
  lua_State *L = cove_newstate(&o);
  lua_register(L, "busy", busy_module_loop);
  for (size_t i = 0; i < sizeof longcalls / sizeof *longcalls; i++) {
    cove_setfuel(L, 2000000);
    int st = dostring(L, longcalls[i]);
    check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_FUEL, longcalls[i]);
    lua_pop(L, 1);
  }
  cove_setfuel(L, 0);
  cove_setdeadline(L, 100);
  int st = dostring(L, longcalls[0]);
  check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_DEADLINE,
        "a deadline stops a backtracking match");
  lua_pop(L, 1);
  cove_setdeadline(L, 0);
  cove_setfuel(L, 1000000);
  st = dostring(L, "local t = {} for i = 1, 1000 do t[i] = (i * 7919) % 1000 end\n"
                   "table.sort(t) assert(select(2, ('x'):rep(100):gsub('x', 'y')) == 100)");
  check(st == LUA_OK, "ordinary library calls fit a small budget");
  check(cove_getfuel(L) < 1000000 - 1000, "sorting 1000 items was charged");
  /* Stack copies are billed: a 190-local function recursing to the stack limit copies
   * megabytes per overflow for a few thousand calls' worth of safe-point charges. */
  cove_setfuel(L, 3000000);
  st = dostring(L,
    "local names = {} for i = 1, 190 do names[i] = 'a' .. i end\n"
    "local src = 'local ' .. table.concat(names, ',') .. ' = 1 return 1 + r()'\n"
    "r = load('return function() ' .. src .. ' end')()\n"
    "rounds = 0\n"
    "for i = 1, 100000 do pcall(r) rounds = rounds + 1 end\n");
  lua_getglobal(L, "rounds");
  check(st == COVE_ERRQUOTA && cove_stopreason(L) == COVE_STOP_FUEL && lua_tointeger(L, -1) < 20,
        "stack growth is billed to the fuel (stops within a few overflows)");
  lua_pop(L, 2);

  lua_close(L);

  /* A state without quotas: an interrupt still ends a long match. */
  L = luaL_newstate();
  luaL_openlibs(L);
  pthread_t th;
  pthread_create(&th, NULL, interrupter, L);
  luaL_loadstring(L, longcalls[0]);
  st = lua_pcall(L, 0, 0, 0);
  pthread_join(th, NULL);
  check(st == LUA_ERRRUN && strstr(lua_tostring(L, -1), "interrupted!") != NULL,
        "cove_interrupt stops a backtracking match of a plain state");
  lua_close(L);
}

static int huge_alloc(lua_State *L) {
  lua_newuserdatauv(L, (size_t)1 << 50, 0);  /* a petabyte: the collector says no */
  return 1;
}

static void test_memory(void) {
  lua_State *L = cove_newstate(NULL);
  luaL_openlibs(L);
  /* a single impossible allocation: LUA_ERRMEM without touching the process limit */
  lua_pushcfunction(L, huge_alloc);
  int st = cove_pcall(L, 0, 0, 0);
  check(st == LUA_ERRMEM && cove_stopreason(L) == COVE_STOP_MEMORY, "out of memory: reason memory");
  lua_close(L);
}

/* What a call that failed had built is garbage as soon as lua_pcall returns: the
 * registers of the unwound frames must not keep it alive for the collector. Each
 * call builds a table at a different stack depth (deepest first, so a later, shallower
 * call never overwrites an earlier one's slot) and fails; the host then only
 * allocates, so collections run without any Lua code (no safe point) in between. */
static const char unwound_setup[] =
    "W = setmetatable({}, {__mode = 'v'})\n"
    "function dive(n, i)\n"
    "  if n > 0 then return dive(n - 1, i) + 0 end\n"
    "  local t = {i}\n"
    "  W[i] = t\n"
    "  error('fail')\n"
    "end\n";

/* Allocate ~25 MB from the host (several automatic collections, no Lua code so no safe
 * point), then count the entries of the weak table W that are still there. */
static int unwound_left(lua_State *L) {
  for (int i = 0; i < 400; i++) {
    lua_pushlstring(L, NULL, 0);
    lua_pop(L, 1);
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, 65536);
    memset(p, 'a' + i % 26, 65536);
    luaL_pushresultsize(&b, 65536);
    lua_pop(L, 1);
  }
  lua_getglobal(L, "W");
  int left = 0;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    left++;
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
  return left;
}

static void test_unwound_registers(void) {
  lua_State *L = cove_newstate(NULL);
  luaL_openlibs(L);
  int st = dostring(L, unwound_setup);
  check(st == LUA_OK, "unwound registers: setup");
  for (int i = 1; i <= 10; i++) {
    lua_getglobal(L, "dive");
    lua_pushinteger(L, 40 - 3 * i);
    lua_pushinteger(L, i);
    if (lua_pcall(L, 2, 0, 0) == LUA_OK)
      check(0, "unwound registers: dive fails");
    lua_pop(L, 1);
  }
  int left = unwound_left(L);
  printf("     (%d of 10 tables of failed calls still reachable)\n", left);
  check(left <= 2, "tables built by failed calls are collectable once lua_pcall returns");
  lua_close(L);
}

/* The same inside a coroutine: there pcall's error goes through the coroutine's own
 * recovery (lua5.4's precover/finishpcallk), and the coroutine, suspended afterwards,
 * keeps its stack while the host allocates. */
static void test_unwound_registers_coroutine(void) {
  lua_State *L = cove_newstate(NULL);
  luaL_openlibs(L);
  int st = dostring(L, unwound_setup);
  check(st == LUA_OK, "unwound registers (coroutine): setup");
  lua_State *co = lua_newthread(L);
  st = luaL_loadstring(co,
      "for i = 1, 10 do assert(not pcall(dive, 40 - 3 * i, i)) end\n"
      "coroutine.yield()\n");
  check(st == LUA_OK, "unwound registers (coroutine): load");
  int nres = 0;
  st = lua_resume(co, L, 0, &nres);
  check(st == LUA_YIELD, "unwound registers (coroutine): the coroutine yields");
  int left = unwound_left(L);
  printf("     (%d of 10 tables of failed calls in a coroutine still reachable)\n", left);
  check(left <= 2, "tables built by failed calls in a coroutine are collectable");
  lua_close(L);
}

int main(int argc, char **argv) {
  test_basics();
  test_memory();
  test_unwound_registers();
  test_unwound_registers_coroutine();
  if (argc < 2 || strcmp(argv[1], "noquota") != 0) {
    test_quotas();
    test_library_charges();
  }
  printf("%s\n", failures == 0 ? "all passed" : "FAILED");
  return failures != 0;
}
