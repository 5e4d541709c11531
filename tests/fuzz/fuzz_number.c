/* Fuzz target: number parsing and conversion. The input string goes through tonumber
 * (no base, and a base from 2 to 36), lua_stringtonumber, string->number coercion in
 * arithmetic, math.tointeger, and the lexer (load("return " .. s)); conversions that
 * must agree are checked against each other, and every number read back from
 * tostring / %.17g must be the same number. */
#include "fuzz_common.h"

static const char prelude[] =
    "local tonumber, tostring, mtype, fmt = tonumber, tostring, math.type, string.format\n"
    "function FZ_NUM(s, base)\n"
    "  local n = tonumber(s)\n"
    "  pcall(tonumber, s, base)\n"
    "  pcall(math.tointeger, s)\n"
    "  local ok, c = pcall(function() return s + 0 end)\n"
    "  if ok and n == nil then error('coercion accepts what tonumber rejects: ' .. s, 0) end\n"
    "  if n ~= nil then\n"
    "    if not ok then error('coercion rejects what tonumber accepts: ' .. s, 0) end\n"
    "    if mtype(c) ~= mtype(n) or (c ~= n and n == n) then error('coercion differs: ' .. s, 0) end\n"
    "    if mtype(n) == 'integer' then\n"
    "      if tonumber(tostring(n)) ~= n then error('integer round trip: ' .. s, 0) end\n"
    "    elseif n - n == 0 then  -- finite\n"
    "      local back = tonumber(fmt('%.17g', n))\n"
    "      if back ~= n then error('float round trip: ' .. s .. ' -> ' .. fmt('%.17g', n), 0) end\n"
    "      local t = tostring(n)\n"
    "      if tonumber(t) == nil then error('tostring not readable: ' .. t, 0) end\n"
    "    end\n"
    "  end\n"
    "  local f = load('return ' .. s)\n"
    "  if f then pcall(f) end\n"
    "  return n\n"
    "end\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(prelude);
  if (size > 200 || size < 1)
    return -1;
  lua_getglobal(L, "FZ_NUM");
  lua_pushlstring(L, (const char *)data + 1, size - 1);
  lua_pushinteger(L, 2 + data[0] % 35);
  if (fz_pcall(L, 2, 1) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg != NULL && strstr(msg, "budget") == NULL && strstr(msg, "memory") == NULL) {
      fprintf(stderr, "number check failed: %s\n", msg);
      abort();
    }
  }
  lua_settop(L, 0);
  /* lua_stringtonumber needs a C string: parse the prefix up to the first zero. */
  char buf[256];
  memcpy(buf, data + 1, size - 1);
  buf[size - 1] = '\0';
  size_t consumed = lua_stringtonumber(L, buf);
  if (consumed != 0 && consumed != strlen(buf) + 1) {
    fprintf(stderr, "lua_stringtonumber consumed %zu of %zu\n", consumed, strlen(buf) + 1);
    abort();
  }
  fz_done(L);
  return 0;
}
