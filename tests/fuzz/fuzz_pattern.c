/* Fuzz target: the pattern matcher (string.find, match, gmatch, gsub) with fuzzed
 * pattern, subject, replacement and init. Input: a control byte, then pattern, subject
 * and replacement separated by 0xFF bytes. Sizes and quantifier counts are capped so
 * that the matcher's legitimate exponential backtracking (lua5.4 has it too) does not
 * show up as a hang: the target looks for crashes and sanitizer reports. */
#include "fuzz_common.h"

static const char prelude[] =
    "local find, match, gmatch, gsub = string.find, string.match, string.gmatch, string.gsub\n"
    "function FZ_FIND(s, p, init, plain) return find(s, p, init, plain) end\n"
    "function FZ_MATCH(s, p, init) return match(s, p, init) end\n"
    "function FZ_GMATCH(s, p, init)\n"
    "  local n = 0\n"
    "  for a, b in gmatch(s, p, init) do n = n + 1 if n > 300 then break end end\n"
    "  return n\n"
    "end\n"
    "function FZ_GSUB(s, p, r, n) return gsub(s, p, r, n) end\n"
    "FZ_TAB = setmetatable({a = 'A', ['1'] = 1, x = false}, {__index = function(t, k)\n"
    "  if #k > 3 then return k:upper() end end})\n"
    "function FZ_FUN(a, b) if a == 'x' then return false elseif b then return b .. a end return #a end\n";

/* Worst-case backtracking grows like subject^quantifiers: keep it small. */
static int too_costly(const char *p, size_t pl, size_t sl) {
  int q = 0;
  for (size_t i = 0; i < pl; i++)
    if (p[i] == '*' || p[i] == '-' || p[i] == '+' || p[i] == '?')
      q++;
  return pl > 48 || sl > 160 || q > 3;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  lua_State *L = fz_state(prelude);
  FzIn in = {data, size};
  int ctl = fz_byte(&in);
  int initb = fz_byte(&in);
  const char *p, *s, *r;
  size_t pl = fz_field(&in, &p);
  size_t sl = fz_field(&in, &s);
  size_t rl = fz_field(&in, &r);
  if (too_costly(p, pl, sl))
    return -1;
  lua_Integer init = (lua_Integer)(int8_t)initb;
  switch (ctl & 3) {
    case 0: lua_getglobal(L, "FZ_FIND"); break;
    case 1: lua_getglobal(L, "FZ_MATCH"); break;
    case 2: lua_getglobal(L, "FZ_GMATCH"); break;
    default: lua_getglobal(L, "FZ_GSUB"); break;
  }
  lua_pushlstring(L, s, sl);
  lua_pushlstring(L, p, pl);
  if ((ctl & 3) == 3) {
    switch ((ctl >> 2) & 3) {
      case 0: case 1: lua_pushlstring(L, r, rl); break;
      case 2: lua_getglobal(L, "FZ_TAB"); break;
      default: lua_getglobal(L, "FZ_FUN"); break;
    }
    if (ctl & 16) lua_pushinteger(L, init); else lua_pushnil(L);
    fz_pcall(L, 4, LUA_MULTRET);
  } else {
    if (ctl & 16) lua_pushinteger(L, init); else lua_pushnil(L);
    lua_pushboolean(L, ctl & 32);
    fz_pcall(L, 4, LUA_MULTRET);
  }
  fz_done(L);
  return 0;
}
