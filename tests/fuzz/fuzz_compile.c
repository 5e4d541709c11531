/* Fuzz target: the lexer, parser, resolver, folder and code generator on arbitrary bytes
 * loaded as text. Whatever compiles must dump and load back through the verifier (the
 * compiler's output always satisfies it: spec/verifier.md), stripped or not, and then
 * runs, bounded, in a fresh restricted environment. */
#include "fuzz_run.h"

static FzBuf fz_dumpbuf;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(fz_run_prelude);
  fz_trace(data, size);
  if (luaL_loadbufferx(L, (const char *)data, size, "=fuzz", "t") != LUA_OK) {
    fz_done(L);
    return 0;
  }
  int strip = size > 0 && (data[0] & 1);
  fz_dumpbuf.n = 0;
  if (lua_dump(L, fz_writer, &fz_dumpbuf, strip) != 0) {
    fprintf(stderr, "lua_dump failed on compiled source\n");
    abort();
  }
  if (luaL_loadbufferx(L, fz_dumpbuf.p, fz_dumpbuf.n, "=fuzzdump", "b") != LUA_OK) {
    /* The verifier rejected the compiler's own output: a bug in one or the other. */
    fprintf(stderr, "compiled chunk rejected on reload: %s\n", lua_tostring(L, -1));
    abort();
  }
  lua_pop(L, 1);
  fz_run_top(L);
  fz_done(L);
  return 0;
}
