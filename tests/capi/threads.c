/* Several states on several threads at once (spec/capi.md "Threads"). Each worker is a
 * plain pthread (not created through libgc) that makes its own state and runs a
 * workload that exercises everything the collector shares between universes: string
 * interning, weak tables of every mode, finalizers, coroutines, explicit and automatic
 * collections. Every worker must get the result the same script gets alone on the main
 * thread, every finalizer must run exactly once, and no live entry of a weak table may
 * vanish. Then a state made on one thread is used and closed on another, and a thread
 * attaches by hand and detaches. With argument "single": cove_singlethreaded. Built by tests/capi/host_test.sh against the installed
 * library (also under ASan+UBSan in `make test-asan`); prints one line per check. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cove.h"
#include "lauxlib.h"
#include "lualib.h"

#define NTHREADS 4

static int failures;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

static void check(int ok, const char *what) {
  pthread_mutex_lock(&out_lock);
  printf("%s %s\n", ok ? "ok  " : "FAIL", what);
  if (!ok)
    failures++;
  pthread_mutex_unlock(&out_lock);
}

static const char workload[] =
    "local rounds, finalized = ...\n"
    "local sum = 0\n"
    "for r = 1, rounds do\n"
    "  local t = {}\n"
    "  for i = 1, 300 do t['key' .. (i * r) % 997] = i end\n"
    "  for k, v in pairs(t) do sum = (sum + #k * v) % 1000000007 end\n"
    "  local s = {}\n"
    "  for i = 1, 50 do s[i] = string.format('%d:%s', i, string.rep('x', i % 7)) end\n"
    "  sum = (sum + #table.concat(s, ',')) % 1000000007\n"
    "  local wk = setmetatable({}, {__mode = 'k'})\n"
    "  local wv = setmetatable({}, {__mode = 'v'})\n"
    "  local wkv = setmetatable({}, {__mode = 'kv'})\n"
    "  local keep = {}\n"
    "  for i = 1, 60 do\n"
    "    local o = {i}\n"
    "    wk[o] = 'v' .. i; wv[i] = o; wkv['s' .. i] = o\n"
    "    if i % 4 == 0 then keep[#keep + 1] = o end\n"
    "    setmetatable({}, {__gc = finalized})\n"
    "  end\n"
    "  local co = coroutine.wrap(function(a)\n"
    "    for i = 1, 20 do a = a + coroutine.yield(i) end\n"
    "    return a\n"
    "  end)\n"
    "  co(0)\n"
    "  for i = 1, 19 do co(i) end\n"
    "  sum = (sum + co(r)) % 1000000007\n"
    "  if r % 8 == 0 then collectgarbage() end\n"
    "  for _, o in ipairs(keep) do\n"
    "    local i = o[1]\n"
    "    assert(wk[o] == 'v' .. i, 'live weak key lost')\n"
    "    assert(wv[i] == o, 'live weak value lost')\n"
    "    assert(wkv['s' .. i] == o, 'live weak entry lost')\n"
    "  end\n"
    "end\n"
    "return sum\n";

#define ROUNDS 400
#define PER_ROUND 60

/* Finalizer: counts in the state's extra space. */
static int count_finalized(lua_State *L) {
  long *n = *(long **)lua_getextraspace(L);
  (*n)++;
  return 0;
}

/* Run the workload in a fresh state; returns its sum (or -1) and the number of
 * finalizers run by the time the state is closed. */
static long run_workload(long *finalized) {
  lua_State *L = luaL_newstate();
  if (L == NULL)
    return -1;
  *finalized = 0;
  *(long **)lua_getextraspace(L) = finalized;
  luaL_openlibs(L);
  long sum = -1;
  if (luaL_loadstring(L, workload) == LUA_OK) {
    lua_pushinteger(L, ROUNDS);
    lua_pushcfunction(L, count_finalized);
    if (lua_pcall(L, 2, 1, 0) == LUA_OK)
      sum = (long)lua_tointeger(L, -1);
    else
      fprintf(stderr, "workload: %s\n", lua_tostring(L, -1));
  }
  lua_close(L);
  return sum;
}

typedef struct Work {
  long sum, finalized;
} Work;

static void *worker(void *p) {
  Work *w = p;
  w->sum = run_workload(&w->finalized);
  return NULL;
}

/* A state made (and given some garbage) on one thread, continued on another. */
static void *make_state(void *p) {
  lua_State *L = luaL_newstate();
  luaL_openlibs(L);
  if (luaL_dostring(L, "W = setmetatable({}, {__mode = 'k'}) K = {} W[K] = 'kept'\n"
                       "for i = 1, 1000 do local _ = {tostring(i)} end\n") != LUA_OK) {
    lua_close(L);
    L = NULL;
  }
  *(lua_State **)p = L;
  return NULL;
}

static void *use_state(void *p) {
  lua_State *L = p;
  /* the first call here does not go through an entry point that attaches */
  cove_attachthread();
  lua_pushstring(L, "handed over");
  lua_setglobal(L, "note");
  int ok = luaL_dostring(L, "for i = 1, 20000 do local _ = {i, tostring(i)} end\n"
                            "collectgarbage()\n"
                            "assert(W[K] == 'kept') return note") == LUA_OK;
  ok = ok && strcmp(lua_tostring(L, -1), "handed over") == 0;
  lua_close(L);
  cove_detachthread();
  return (void *)(intptr_t)ok;
}

static void *newstate_thread(void *p) {
  (void)p;
  lua_State *L = luaL_newstate();
  if (L != NULL)
    lua_close(L);
  return L;
}

/* After cove_singlethreaded, a second thread cannot get a state (and nothing breaks). */
static int single_threaded(void) {
  cove_singlethreaded();
  lua_State *L = luaL_newstate();
  if (L != NULL)
    luaL_openlibs(L);
  pthread_t t;
  void *other;
  pthread_create(&t, NULL, newstate_thread, NULL);
  pthread_join(t, &other);
  check(L != NULL && other == NULL, "cove_singlethreaded: lua_newstate on another thread is NULL");
  check(L != NULL && luaL_dostring(L, "return #tostring(12345)") == LUA_OK &&
        lua_tointeger(L, -1) == 5, "cove_singlethreaded: the first thread's state works");
  lua_close(L);
  printf("%s\n", failures == 0 ? "all passed" : "FAILED");
  return failures != 0;
}

int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "single") == 0)
    return single_threaded();
  long alone_fin;
  long alone = run_workload(&alone_fin);
  check(alone > 0 && alone_fin == ROUNDS * PER_ROUND, "workload alone on the main thread");

  /* The main thread keeps a state of its own busy while the workers run. */
  lua_State *M = luaL_newstate();
  luaL_openlibs(M);
  pthread_t th[NTHREADS];
  Work w[NTHREADS];
  for (int i = 0; i < NTHREADS; i++)
    pthread_create(&th[i], NULL, worker, &w[i]);
  int mok = luaL_dostring(M, "local t = setmetatable({}, {__mode = 'v'})\n"
                             "for i = 1, 200000 do t[i % 100] = {i} end\n"
                             "collectgarbage() return 'main done'") == LUA_OK;
  check(mok, "main thread's own state ran meanwhile");
  lua_close(M);
  int same = 1, allfin = 1;
  for (int i = 0; i < NTHREADS; i++) {
    pthread_join(th[i], NULL);
    same &= w[i].sum == alone;
    allfin &= w[i].finalized == ROUNDS * PER_ROUND;
  }
  check(same, "4 threads, own states: the same results as alone");
  if (!allfin)
    for (int i = 0; i < NTHREADS; i++)
      printf("     thread %d: %ld finalizers of %d\n", i, w[i].finalized, ROUNDS * PER_ROUND);
  check(allfin, "4 threads: every finalizer ran exactly once");

  /* Twice as many again, to let the threads' collections cross each other more. */
  pthread_t th2[2 * NTHREADS];
  Work w2[2 * NTHREADS];
  for (int i = 0; i < 2 * NTHREADS; i++)
    pthread_create(&th2[i], NULL, worker, &w2[i]);
  same = 1;
  for (int i = 0; i < 2 * NTHREADS; i++) {
    pthread_join(th2[i], NULL);
    same &= w2[i].sum == alone && w2[i].finalized == ROUNDS * PER_ROUND;
  }
  check(same, "8 threads: the same results, every finalizer once");

  lua_State *H = NULL;
  pthread_t a, b;
  pthread_create(&a, NULL, make_state, &H);
  pthread_join(a, NULL);
  void *res;
  int handed = 0;
  if (H != NULL) {
    pthread_create(&b, NULL, use_state, H);
    pthread_join(b, &res);
    handed = res != NULL;
  }
  check(handed, "a state made on one thread is used and closed on another");

  printf("%s\n", failures == 0 ? "all passed" : "FAILED");
  return failures != 0;
}
