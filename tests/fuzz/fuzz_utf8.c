/* Fuzz target: the utf8 library. Input: a control byte, two small integers, then the
 * subject string. Runs utf8.len, codepoint, offset, codes (strict and lax), and checks
 * that utf8.char of every decoded code point re-encodes to the bytes it came from. */
#include "fuzz_common.h"

static const char prelude[] =
    "local u = utf8\n"
    "function FZ_UTF8(s, i, j, lax)\n"
    "  pcall(u.len, s, i, j, lax)\n"
    "  pcall(u.codepoint, s, i, j, lax)\n"
    "  pcall(u.offset, s, i, j)\n"
    "  pcall(u.offset, s, i)\n"
    "  pcall(u.char, i, j)\n"
    "  local ok, err = pcall(function()\n"
    "    for p, c in u.codes(s, lax) do\n"
    "      local enc = u.char(c)\n"
    "      if not lax and s:sub(p, p + #enc - 1) ~= enc then error('re-encode differs at ' .. p, 0) end\n"
    "    end\n"
    "  end)\n"
    "  if not ok and not err:find('invalid UTF%-8 code') and not err:find('budget') then error(err, 0) end\n"
    "  local n = u.len(s, 1, -1, lax)\n"
    "  if n then\n"
    "    local cps = {u.codepoint(s, 1, -1, lax)}\n"
    "    if #cps ~= n then error('len ' .. n .. ' but ' .. #cps .. ' code points', 0) end\n"
    "    if u.char(table.unpack(cps)) ~= s then error('char(codepoint(s)) ~= s', 0) end\n"
    "  end\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(prelude);
  if (size > 300)
    return -1;
  FzIn in = {data, size};
  int ctl = fz_byte(&in);
  lua_Integer i = (int8_t)fz_byte(&in);
  lua_Integer j = (int8_t)fz_byte(&in);
  if (ctl & 2)
    i = i * 1000003;
  lua_getglobal(L, "FZ_UTF8");
  lua_pushlstring(L, (const char *)in.p, in.n);
  lua_pushinteger(L, i);
  lua_pushinteger(L, j);
  lua_pushboolean(L, ctl & 1);
  if (fz_pcall(L, 4, 0) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg != NULL && strstr(msg, "budget") == NULL && strstr(msg, "memory") == NULL) {
      fprintf(stderr, "utf8 check failed: %s\n", msg);
      abort();
    }
  }
  fz_done(L);
  return 0;
}
