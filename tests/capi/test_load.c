/* Loading and dumping (§4.6 lua_load/lua_dump, §5.1 luaL_load*): readers that deliver a
 * chunk in pieces, chunk names, text/binary modes, the _ENV upvalue of loaded chunks,
 * lua_dump writers (including a failing writer) and reloading what they wrote, files with
 * a '#' first line or a UTF-8 BOM. Cove's binary format is its own (spec/capi.md), so only
 * the round trip and the header signature are asserted, not the bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "capi_test.h"

TestSuite(load, .init = capi_setup, .fini = capi_teardown);

typedef struct { const char *text; size_t len, pos, step; int calls; } Pieces;

static const char *piece_reader(lua_State *L1, void *data, size_t *size) {
  Pieces *p = data;
  p->calls++;
  if (p->pos >= p->len) {
    *size = 0;
    return NULL;
  }
  size_t n = p->len - p->pos < p->step ? p->len - p->pos : p->step;
  const char *s = p->text + p->pos;
  p->pos += n;
  *size = n;
  return s;
}

Test(load, reader_delivering_one_byte_at_a_time) {
  const char *src = "local a = ... return 'got ' .. tostring(a)";
  Pieces p = {src, strlen(src), 0, 1, 0};
  cr_assert_eq(lua_load(L, piece_reader, &p, "=pieces", NULL), LUA_OK);
  cr_assert(p.calls >= (int)strlen(src));
  lua_pushinteger(L, 5);
  lua_call(L, 1, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "got 5");
}

Test(load, empty_chunk_is_a_function_returning_nothing) {
  Pieces p = {"", 0, 0, 1, 0};
  cr_assert_eq(lua_load(L, piece_reader, &p, "empty", "t"), LUA_OK);
  lua_call(L, 0, LUA_MULTRET);
  cr_assert_eq(lua_gettop(L), 0);
}

Test(load, chunkname_defaults_to_a_question_mark_string) {
  const char *src = "error('e')";
  Pieces p = {src, strlen(src), 0, 100, 0};
  cr_assert_eq(lua_load(L, piece_reader, &p, NULL, NULL), LUA_OK);
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "[string \"?\"]:1: e");
}

Test(load, syntax_error_message_uses_chunkname) {
  const char *src = "x = 1\ny = = 2";
  cr_assert_eq(luaL_loadbuffer(L, src, strlen(src), "@conf.lua"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "conf.lua:2: unexpected symbol near '='");
  cr_assert_eq(luaL_loadbuffer(L, src, strlen(src), "=literal"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "literal:2: unexpected symbol near '='");
  cr_assert_eq(luaL_loadbuffer(L, src, strlen(src), "a string source"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "[string \"a string source\"]:2: unexpected symbol near '='");
}

Test(load, first_upvalue_is_the_global_table) {
  luaL_loadstring(L, "gx = 5");
  lua_call(L, 0, 0);
  lua_getglobal(L, "gx");
  cr_assert_eq(lua_tointeger(L, -1), 5);
}

typedef struct { char data[8192]; size_t len; int fail_at; int calls; } Sink;  /* fail_at: 1-based */

static int sink_writer(lua_State *L1, const void *p, size_t sz, void *ud) {
  Sink *s = ud;
  s->calls++;
  if (s->calls == s->fail_at)
    return 17;
  if (s->len + sz > sizeof s->data)
    return 1;
  memcpy(s->data + s->len, p, sz);
  s->len += sz;
  return 0;
}

static void dump_fn(Sink *s, int strip) {
  memset(s, 0, sizeof *s);
  cr_assert_eq(lua_dump(L, sink_writer, s, strip), 0);
  cr_assert(s->len > 4);
}

Test(load, dump_and_reload_round_trip) {
  const char *src = "local t = {...}\n"
                    "local function sq(x) return x * x end\n"
                    "return sq(t[1]) + 0.5, 'str', #t";
  luaL_loadbuffer(L, src, strlen(src), "=orig");
  Sink s;
  dump_fn(&s, 0);
  cr_assert_eq(lua_gettop(L), 1);  /* lua_dump leaves the function */
  cr_assert_eq(memcmp(s.data, LUA_SIGNATURE, 4), 0);
  cr_assert_eq(luaL_loadbufferx(L, s.data, s.len, "bin", "b"), LUA_OK);
  lua_pushinteger(L, 3);
  lua_pushinteger(L, 4);
  lua_call(L, 2, 3);
  cr_assert_float_eq(lua_tonumber(L, -3), 9.5, 0);
  cr_assert_str_eq(lua_tostring(L, -2), "str");
  cr_assert_eq(lua_tointeger(L, -1), 2);
}

Test(load, dump_keeps_or_strips_debug_information) {
  const char *src = "local x = nil\nreturn x.field";
  luaL_loadbuffer(L, src, strlen(src), "=named");
  Sink s;
  dump_fn(&s, 0);
  luaL_loadbuffer(L, s.data, s.len, "bin");
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "named:2: attempt to index a nil value (local 'x')");
  lua_settop(L, 1);
  dump_fn(&s, 1);
  luaL_loadbuffer(L, s.data, s.len, "bin");
  cr_assert_eq(lua_pcall(L, 0, 0, 0), LUA_ERRRUN);
  cr_assert_str_eq(lua_tostring(L, -1), "?:-1: attempt to index a nil value");
}

Test(load, dump_of_a_c_function_fails) {
  Sink s = {0};
  lua_pushcfunction(L, lua_gettop);
  cr_assert_eq(lua_dump(L, sink_writer, &s, 0), 1);
  cr_assert_eq(s.calls, 0);
}

Test(load, writer_error_is_returned) {
  luaL_loadstring(L, "return 1, 2, 3, 'a longer constant string to write'");
  Sink s;
  memset(&s, 0, sizeof s);
  s.fail_at = 1;
  cr_assert_eq(lua_dump(L, sink_writer, &s, 0), 17);
  cr_assert_eq(s.calls, 1);  /* no more writes after a failure */
}

Test(load, modes_reject_the_other_kind) {
  luaL_loadstring(L, "return 1");
  Sink s;
  dump_fn(&s, 0);
  cr_assert_eq(luaL_loadbufferx(L, s.data, s.len, "bin", "t"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to load a binary chunk (mode is 't')");
  cr_assert_eq(luaL_loadbufferx(L, "return 1", 8, "txt", "b"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to load a text chunk (mode is 'b')");
  cr_assert_eq(luaL_loadbufferx(L, "return 1", 8, "txt", "bt"), LUA_OK);
}

Test(load, truncated_binary_chunk_is_an_error) {
  luaL_loadstring(L, "return 'abc', 1.5, {}");
  Sink s;
  dump_fn(&s, 0);
  cr_assert_eq(luaL_loadbufferx(L, s.data, s.len / 2, "cut", "b"), LUA_ERRSYNTAX);
  cr_assert(strstr(lua_tostring(L, -1), "truncated") != NULL, "%s", lua_tostring(L, -1));
}

Test(load, dumped_function_with_upvalues_gets_globals_in_the_first) {
  run("local a = 1 return function() return a, print end");
  Sink s;
  dump_fn(&s, 0);
  luaL_loadbuffer(L, s.data, s.len, "up");
  cr_assert_str_eq(lua_getupvalue(L, -1, 1), "a");
  cr_assert_eq(lua_type(L, -1), LUA_TTABLE);  /* lua_load puts the globals in upvalue 1 */
  lua_pop(L, 1);
  cr_assert_str_eq(lua_getupvalue(L, -1, 2), "_ENV");
  cr_assert(lua_isnil(L, -1));  /* others start fresh (nil) */
}

static char *write_temp(const char *content, size_t len) {
  static char path[64];
  strcpy(path, "/tmp/capi_loadXXXXXX");
  int fd = mkstemp(path);
  cr_assert(fd >= 0);
  cr_assert_eq(write(fd, content, len), (ssize_t)len);
  close(fd);
  return path;
}

Test(load, loadfile_skips_comment_line_and_bom) {
  const char *text = "\xEF\xBB\xBF#!/usr/bin/env lua\nreturn 40 + 2\n";
  char *path = write_temp(text, strlen(text));
  cr_assert_eq(luaL_loadfile(L, path), LUA_OK);
  lua_call(L, 0, 1);
  cr_assert_eq(lua_tointeger(L, -1), 42);
  lua_Debug ar;
  luaL_loadfile(L, path);
  lua_getinfo(L, ">S", &ar);
  cr_assert_eq(ar.source[0], '@');
  cr_assert_str_eq(ar.source + 1, path);
  unlink(path);
}

Test(load, loadfile_of_a_binary_chunk) {
  luaL_loadstring(L, "return 'from binary'");
  Sink s;
  dump_fn(&s, 0);
  char *path = write_temp(s.data, s.len);
  cr_assert_eq(luaL_loadfilex(L, path, "t"), LUA_ERRSYNTAX);
  cr_assert_str_eq(lua_tostring(L, -1), "attempt to load a binary chunk (mode is 't')");
  cr_assert_eq(luaL_loadfilex(L, path, NULL), LUA_OK);
  lua_call(L, 0, 1);
  cr_assert_str_eq(lua_tostring(L, -1), "from binary");
  unlink(path);
}

Test(load, loadfile_syntax_error_names_the_file) {
  char *path = write_temp("return +", 8);
  cr_assert_eq(luaL_loadfile(L, path), LUA_ERRSYNTAX);
  char want[128];
  snprintf(want, sizeof want, "%s:1: unexpected symbol near '+'", path);
  cr_assert_str_eq(lua_tostring(L, -1), want);
  unlink(path);
}

Test(load, load_from_lua_with_reader_function) {
  run("local parts = {'return ', '1 ', '+ 2'} local i = 0\n"
      "local f = load(function() i = i + 1 return parts[i] end)\n"
      "return f()");
  cr_assert_eq(lua_tointeger(L, -1), 3);
}
