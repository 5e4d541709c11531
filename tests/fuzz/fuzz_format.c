/* Fuzz target: string.format with a fuzzed format string and fuzzed arguments (edge
 * integers and floats, raw doubles, strings with embedded zeros, nil, booleans, tables),
 * plus tostring/%q round trips. Input: format, 0xFF, argument bytes (fuzz_common.h). */
#include "fuzz_common.h"

static const char prelude[] =
    "local fmt = string.format\n"
    "function FZ_FORMAT(f, ...) return fmt(f, ...) end\n"
    "function FZ_Q(v)\n"
    "  local ok, s = pcall(fmt, '%q', v)\n"
    "  if not ok then return end\n"
    "  local back = load('return ' .. s)()\n"
    "  if back ~= v and (v == v) then error('%q round trip: ' .. s, 0) end\n"
    "  if math.type(back) ~= math.type(v) then error('%q round trip lost subtype: ' .. s, 0) end\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(prelude);
  FzIn in = {data, size};
  const char *f;
  size_t fl = fz_field(&in, &f);
  if (fl > 256)
    return -1;
  lua_getglobal(L, "FZ_FORMAT");
  lua_pushlstring(L, f, fl);
  int nargs = 0;
  while (in.n > 0 && nargs < 12) {
    fz_push_value(L, &in);
    nargs++;
  }
  fz_pcall(L, 1 + nargs, 1);
  /* %q of every argument must read back as the same value (nil, booleans, numbers,
   * strings); a mismatch is a real bug, so abort on it. */
  in.p = data;
  in.n = size;
  fz_field(&in, &f);
  for (int i = 0; i < nargs; i++) {
    lua_settop(L, 0);
    lua_getglobal(L, "FZ_Q");
    fz_push_value(L, &in);
    if (fz_pcall(L, 1, 0) != LUA_OK) {
      fprintf(stderr, "%s\n", lua_tostring(L, -1));
      abort();
    }
  }
  fz_done(L);
  return 0;
}
