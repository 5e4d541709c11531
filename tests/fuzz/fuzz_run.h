/* Running fuzzed code (fuzz_compile, fuzz_bytecode): a fresh environment per input with
 * copies of the safe libraries (no io, os, package, debug, load, require), a fresh
 * string metatable, a no-op print, so an input cannot leave the shared state altered for
 * the next one, and a dump helper that collects lua_dump's output. */
#ifndef COVE_FUZZ_RUN_H
#define COVE_FUZZ_RUN_H

#include "fuzz_common.h"

static const char fz_run_prelude[] =
    "local dsm = debug.setmetatable\n"
    "local safe = {'assert','error','getmetatable','ipairs','next','pairs','pcall','rawequal',\n"
    "  'rawget','rawlen','rawset','select','setmetatable','tonumber','tostring','type','xpcall'}\n"
    "local libs = {'string','table','math','utf8','coroutine'}\n"
    "local G = _G\n"
    "function FZ_MKENV()\n"
    "  local e = {print = function() end, _VERSION = _VERSION}\n"
    "  for _, k in G.ipairs(safe) do e[k] = G[k] end\n"
    "  for _, l in G.ipairs(libs) do local c = {} for k, v in G.pairs(G[l]) do c[k] = v end e[l] = c end\n"
    "  e.math.random = function(m, n) return m or 1 end\n"
    "  e._G = e\n"
    "  dsm('', {__index = e.string})\n"
    "  return e\n"
    "end\n";

static const char fz_probe[] =
    "local t = {}\n"
    "for _, k in ipairs{'FZ_MKENV', 'ipairs', 'pairs', 'string', 'table', 'math', 'utf8',\n"
    "                   'coroutine', 'debug', '_G'} do\n"
    "  local found = 'absent'\n"
    "  for kk, v in pairs(_G) do\n"
    "    if type(kk) == 'string' and #kk == #k and kk:find(k, 1, true) == 1 then found = type(v) end\n"
    "  end\n"
    "  t[#t + 1] = k .. '=' .. type(rawget(_G, k)) .. '/' .. found\n"
    "end\n"
    "return table.concat(t, ' ')\n";

typedef struct {
  char *p;
  size_t n, cap;
} FzBuf;

static inline int fz_writer(lua_State *L, const void *p, size_t sz, void *ud) {
  (void)L;
  FzBuf *b = ud;
  if (b->n + sz > b->cap) {
    size_t cap = (b->n + sz) * 2;
    char *np = realloc(b->p, cap);
    if (np == NULL)
      return 1;
    b->p = np;
    b->cap = cap;
  }
  memcpy(b->p + b->n, p, sz);
  b->n += sz;
  return 0;
}

/* Run the function on top of the stack in a fresh environment (its first upvalue, when
 * it has one), bounded by the instruction budget. Pops it. */
static inline void fz_run_top(lua_State *L) {
  lua_getglobal(L, "FZ_MKENV");
  if (lua_pcall(L, 0, 1, 0) != LUA_OK) {
    /* An input changed the shared state: say which of the globals FZ_MKENV needs
     * are gone (replay the inputs in order with FZ_TRACE_DIR to find it). */
    fprintf(stderr, "FZ_MKENV failed: %s\n", lua_tostring(L, -1));
    lua_settop(L, 0);
    if (luaL_dostring(L, fz_probe) == LUA_OK)
      fprintf(stderr, "shared state: %s\n", lua_tostring(L, -1));
    abort();
  }
  if (lua_setupvalue(L, -2, 1) == NULL)
    lua_pop(L, 1);
  fz_pcall(L, 0, 0);
}

#endif
