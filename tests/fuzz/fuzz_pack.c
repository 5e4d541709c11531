/* Fuzz target: string.pack, string.unpack and string.packsize with fuzzed formats.
 * Input: format, 0xFF, a subject for unpack, 0xFF, argument bytes for pack. Whatever
 * pack produces must unpack with the same format to the same number of values. */
#include "fuzz_common.h"

static const char prelude[] =
    "local pack, unpack, packsize = string.pack, string.unpack, string.packsize\n"
    "function FZ_PACKSIZE(f) return packsize(f) end\n"
    "function FZ_UNPACK(f, s, i) return unpack(f, s, i) end\n"
    "function FZ_PACK(f, ...)\n"
    "  local ok, s = pcall(pack, f, ...)\n"
    "  if not ok then return end\n"
    "  local r = table.pack(pcall(unpack, f, s))\n"
    "  if not r[1] then error('unpack rejected pack output: ' .. tostring(r[2]), 0) end\n"
    "  if r[r.n] ~= #s + 1 then error('unpack position ' .. tostring(r[r.n]) .. ' ~= ' .. (#s + 1), 0) end\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(prelude);
  FzIn in = {data, size};
  const char *f, *s;
  size_t fl = fz_field(&in, &f);
  size_t sl = fz_field(&in, &s);
  if (fl > 128)
    return -1;
  /* "c99999999" asks for a 100 MB string: legal, lua5.4 does it too, but it only
   * measures the allocator. Sizes of up to 4 digits cover every code path. */
  for (size_t i = 0, run = 0; i < fl; i++) {
    run = (f[i] >= '0' && f[i] <= '9') ? run + 1 : 0;
    if (run > 4)
      return -1;
  }
  lua_getglobal(L, "FZ_PACKSIZE");
  lua_pushlstring(L, f, fl);
  fz_pcall(L, 1, 0);
  lua_settop(L, 0);
  lua_getglobal(L, "FZ_UNPACK");
  lua_pushlstring(L, f, fl);
  lua_pushlstring(L, s, sl);
  if (sl > 0 && (s[0] & 1))
    lua_pushinteger(L, (lua_Integer)(int8_t)s[sl - 1]);
  else
    lua_pushnil(L);
  fz_pcall(L, 3, LUA_MULTRET);
  lua_settop(L, 0);
  lua_getglobal(L, "FZ_PACK");
  lua_pushlstring(L, f, fl);
  int nargs = 0;
  while (in.n > 0 && nargs < 16) {
    fz_push_value(L, &in);
    nargs++;
  }
  if (fz_pcall(L, 1 + nargs, 0) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg != NULL && strstr(msg, "budget") == NULL && strstr(msg, "memory") == NULL) {
      fprintf(stderr, "pack/unpack mismatch: %s\n", msg);
      abort();
    }
  }
  fz_done(L);
  return 0;
}
