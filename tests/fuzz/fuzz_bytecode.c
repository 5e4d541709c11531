/* Fuzz target: binary chunk loading through the verifier. Seeds are valid chunks made by
 * covec (tests/fuzz/corpus/bytecode/); libFuzzer's mutations flip, insert, erase and
 * splice bytes in them. A chunk must either be rejected with an error or run safely,
 * bounded, in a fresh restricted environment (spec/verifier.md's guarantee). */
#include "fuzz_run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(fz_run_prelude);
  fz_trace(data, size);
  if (luaL_loadbufferx(L, (const char *)data, size, "=fuzz", "b") == LUA_OK)
    fz_run_top(L);
  fz_done(L);
  return 0;
}
