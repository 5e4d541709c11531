/* The io library (luaopen_io): file handles as luaL_Stream userdata (metatable
 * "FILE*"), the default input/output files kept in the registry, and the read/write
 * formats of lua5.4 (read_number accepts exactly what lua5.4's reader accepts).
 * Written against the public C API over C stdio, so C modules that create luaL_Stream
 * handles themselves interoperate with it. */
#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* Registry keys of the default files; the message for a closed default file names
 * the part after the prefix ("default input file is closed"). */
#define IO_PREFIX "_IO_"
#define IO_PREFIX_LEN (sizeof(IO_PREFIX) - 1)
#define IO_INPUT (IO_PREFIX "input")
#define IO_OUTPUT (IO_PREFIX "output")

/* Most formats io.lines / file:lines accept (kept in the iterator's upvalues). */
#define IO_MAX_LINE_ARGS 250

/* Longest numeral read_number accepts. */
#define IO_MAX_NUMERAL 200

typedef luaL_Stream IoStream;

#define io_to_stream(L) ((IoStream *)luaL_checkudata(L, 1, LUA_FILEHANDLE))
#define io_is_closed(p) ((p)->closef == NULL)

static int io_type(lua_State *L) {
  luaL_checkany(L, 1);
  IoStream *p = (IoStream *)luaL_testudata(L, 1, LUA_FILEHANDLE);
  if (p == NULL)
    luaL_pushfail(L);
  else if (io_is_closed(p))
    lua_pushliteral(L, "closed file");
  else
    lua_pushliteral(L, "file");
  return 1;
}

static int io_file_tostring(lua_State *L) {
  IoStream *p = io_to_stream(L);
  if (io_is_closed(p))
    lua_pushliteral(L, "file (closed)");
  else
    lua_pushfstring(L, "file (%p)", (void *)p->f);
  return 1;
}

/* The FILE* of argument 1, which must be an open handle. */
static FILE *io_to_file(lua_State *L) {
  IoStream *p = io_to_stream(L);
  if (io_is_closed(p)) luaL_error(L, "attempt to use a closed file");
  return p->f;
}

/* A handle that is not yet open: closef == NULL marks it closed, so a failure
 * between creation and opening leaves nothing for __gc to close. */
static IoStream *io_new_prefile(lua_State *L) {
  IoStream *p = (IoStream *)lua_newuserdatauv(L, sizeof(IoStream), 0);
  p->f = NULL;
  p->closef = NULL;
  luaL_setmetatable(L, LUA_FILEHANDLE);
  return p;
}

/* Closes the handle at index 1 through its own close function (fclose, pclose or the
 * refusal of the standard files), marking it closed first. */
static int io_aux_close(lua_State *L) {
  IoStream *p = io_to_stream(L);
  lua_CFunction close_fn = p->closef;
  p->closef = NULL;
  return close_fn(L);
}

static int io_file_close(lua_State *L) {
  io_to_file(L);
  return io_aux_close(L);
}

static int io_close(lua_State *L) {
  if (lua_isnone(L, 1)) lua_getfield(L, LUA_REGISTRYINDEX, IO_OUTPUT);
  return io_file_close(L);
}

static int io_file_gc(lua_State *L) {
  IoStream *p = io_to_stream(L);
  if (!io_is_closed(p) && p->f != NULL) io_aux_close(L);
  return 0;
}

static int io_fclose(lua_State *L) {
  IoStream *p = io_to_stream(L);
  errno = 0;
  return luaL_fileresult(L, fclose(p->f) == 0, NULL);
}

static int io_noclose(lua_State *L) {
  IoStream *p = io_to_stream(L);
  p->closef = io_noclose; /* the standard files stay open */
  luaL_pushfail(L);
  lua_pushliteral(L, "cannot close standard file");
  return 2;
}

static int io_pclose(lua_State *L) {
  IoStream *p = io_to_stream(L);
  errno = 0;
  return luaL_execresult(L, pclose(p->f));
}

static IoStream *io_new_file(lua_State *L) {
  IoStream *p = io_new_prefile(L);
  p->closef = io_fclose;
  return p;
}

static void io_open_or_raise(lua_State *L, const char *fname, const char *mode) {
  IoStream *p = io_new_file(L);
  p->f = fopen(fname, mode);
  if (p->f == NULL)
    luaL_error(L, "cannot open file '%s' (%s)", fname, strerror(errno));
}

/* fopen modes lua5.4 accepts: r, w or a, an optional '+', then only 'b's. */
static int io_check_mode(const char *mode) {
  if (*mode == '\0' || strchr("rwa", *mode) == NULL) return 0;
  mode++;
  if (*mode == '+') mode++;
  return strspn(mode, "b") == strlen(mode);
}

static int io_open(lua_State *L) {
  const char *filename = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");
  IoStream *p = io_new_file(L);
  luaL_argcheck(L, io_check_mode(mode), 2, "invalid mode");
  errno = 0;
  p->f = fopen(filename, mode);
  return p->f == NULL ? luaL_fileresult(L, 0, filename) : 1;
}

static int io_popen(lua_State *L) {
  const char *command = luaL_checkstring(L, 1);
  const char *mode = luaL_optstring(L, 2, "r");
  IoStream *p = io_new_prefile(L);
  luaL_argcheck(L, (mode[0] == 'r' || mode[0] == 'w') && mode[1] == '\0', 2,
                "invalid mode");
  fflush(NULL); /* as lua5.4: output written so far precedes the child's */
  errno = 0;
  p->f = popen(command, mode);
  p->closef = io_pclose;
  return p->f == NULL ? luaL_fileresult(L, 0, command) : 1;
}

static int io_tmpfile(lua_State *L) {
  IoStream *p = io_new_file(L);
  errno = 0;
  p->f = tmpfile();
  return p->f == NULL ? luaL_fileresult(L, 0, NULL) : 1;
}

static FILE *io_get_default(lua_State *L, const char *key) {
  lua_getfield(L, LUA_REGISTRYINDEX, key);
  IoStream *p = (IoStream *)lua_touserdata(L, -1);
  if (p == NULL || io_is_closed(p))
    luaL_error(L, "default %s file is closed", key + IO_PREFIX_LEN);
  return p->f;
}

/* io.input / io.output: with a file name opens it, with a handle adopts it; either
 * way returns the current default. */
static int io_set_default(lua_State *L, const char *key, const char *mode) {
  if (!lua_isnoneornil(L, 1)) {
    const char *filename = lua_tostring(L, 1);
    if (filename) {
      io_open_or_raise(L, filename, mode);
    } else {
      io_to_file(L);
      lua_pushvalue(L, 1);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, key);
  }
  lua_getfield(L, LUA_REGISTRYINDEX, key);
  return 1;
}

static int io_input(lua_State *L) { return io_set_default(L, IO_INPUT, "r"); }
static int io_output(lua_State *L) { return io_set_default(L, IO_OUTPUT, "w"); }

/* ---- reading ---- */

/* State of read_number: the characters accepted so far and one look-ahead char. */
typedef struct NumReader {
  FILE *f;
  int c;
  int n;
  char buff[IO_MAX_NUMERAL + 1];
} NumReader;

/* Accepts the look-ahead char and reads the next; fails (invalidating the numeral)
 * when the numeral grows too long. */
static int num_accept(NumReader *rn) {
  if (rn->n >= IO_MAX_NUMERAL) {
    rn->buff[0] = '\0';
    return 0;
  }
  rn->buff[rn->n++] = (char)rn->c;
  rn->c = getc(rn->f);
  return 1;
}

/* Accepts the look-ahead char when it is one of the two in 'set'. */
static int num_accept_either(NumReader *rn, const char *set) {
  if (rn->c == set[0] || rn->c == set[1]) return num_accept(rn);
  return 0;
}

static int num_read_digits(NumReader *rn, int hex) {
  int count = 0;
  while ((hex ? isxdigit(rn->c) : isdigit(rn->c)) && num_accept(rn)) count++;
  return count;
}

/* Reads the longest prefix that can start a numeral (sign, 0x, digits, point,
 * exponent), leaves the first other character unread, then converts with
 * lua_stringtonumber; the read fails when the prefix is not a valid numeral. */
static int io_read_number(lua_State *L, FILE *f) {
  NumReader rn;
  int count = 0;
  int hex = 0;
  char decpoint[2];
  rn.f = f;
  rn.n = 0;
  decpoint[0] = lua_getlocaledecpoint();
  decpoint[1] = '.';
  do {
    rn.c = getc(f);
  } while (isspace(rn.c));
  num_accept_either(&rn, "-+");
  if (num_accept_either(&rn, "00")) {
    if (num_accept_either(&rn, "xX"))
      hex = 1;
    else
      count = 1; /* the leading '0' is a digit */
  }
  count += num_read_digits(&rn, hex);
  if (num_accept_either(&rn, decpoint)) count += num_read_digits(&rn, hex);
  if (count > 0 && num_accept_either(&rn, hex ? "pP" : "eE")) {
    num_accept_either(&rn, "-+");
    num_read_digits(&rn, 0);
  }
  ungetc(rn.c, f);
  rn.buff[rn.n] = '\0';
  if (lua_stringtonumber(L, rn.buff)) return 1;
  lua_pushnil(L);
  return 0;
}

/* read(0): "" unless at end of file. */
static int io_test_eof(lua_State *L, FILE *f) {
  int c = getc(f);
  ungetc(c, f);
  lua_pushliteral(L, "");
  return c != EOF;
}

/* Reads one line, keeping the '\n' unless 'chop'; fails only at end of file with
 * nothing read. */
static int io_read_line(lua_State *L, FILE *f, int chop) {
  luaL_Buffer b;
  int c;
  luaL_buffinit(L, &b);
  do {
    char *buff = luaL_prepbuffer(&b);
    int i = 0;
    while (i < LUAL_BUFFERSIZE && (c = getc(f)) != EOF && c != '\n') buff[i++] = (char)c;
    luaL_addsize(&b, i);
  } while (c != EOF && c != '\n');
  if (!chop && c == '\n') luaL_addchar(&b, (char)c);
  luaL_pushresult(&b);
  return c == '\n' || lua_rawlen(L, -1) > 0;
}

static void io_read_all(lua_State *L, FILE *f) {
  luaL_Buffer b;
  size_t nr;
  luaL_buffinit(L, &b);
  do {
    char *p = luaL_prepbuffer(&b);
    nr = fread(p, 1, LUAL_BUFFERSIZE, f);
    luaL_addsize(&b, nr);
  } while (nr == LUAL_BUFFERSIZE);
  luaL_pushresult(&b);
}

static int io_read_chars(lua_State *L, FILE *f, size_t n) {
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  char *p = luaL_prepbuffsize(&b, n);
  size_t nr = fread(p, 1, n, f);
  luaL_addsize(&b, nr);
  luaL_pushresult(&b);
  return nr > 0;
}

/* Reads one value per format starting at stack index 'first'; stops at the first
 * format that fails, whose result becomes nil. */
static int io_generic_read(lua_State *L, FILE *f, int first) {
  int nargs = lua_gettop(L) - 1;
  int n, success;
  clearerr(f);
  errno = 0;
  if (nargs == 0) {
    success = io_read_line(L, f, 1);
    n = first + 1;
  } else {
    luaL_checkstack(L, nargs + LUA_MINSTACK, "too many arguments");
    success = 1;
    for (n = first; nargs-- && success; n++) {
      if (lua_type(L, n) == LUA_TNUMBER) {
        size_t count = (size_t)luaL_checkinteger(L, n);
        success = count == 0 ? io_test_eof(L, f) : io_read_chars(L, f, count);
      } else {
        const char *p = luaL_checkstring(L, n);
        if (*p == '*') p++; /* Lua 5.2 style "*l" is still accepted */
        switch (*p) {
          case 'n': success = io_read_number(L, f); break;
          case 'l': success = io_read_line(L, f, 1); break;
          case 'L': success = io_read_line(L, f, 0); break;
          case 'a': io_read_all(L, f); success = 1; break;
          default: return luaL_argerror(L, n, "invalid format");
        }
      }
    }
  }
  if (ferror(f)) return luaL_fileresult(L, 0, NULL);
  if (!success) {
    lua_pop(L, 1);
    luaL_pushfail(L);
  }
  return n - first;
}

static int io_read(lua_State *L) { return io_generic_read(L, io_get_default(L, IO_INPUT), 1); }
static int io_file_read(lua_State *L) { return io_generic_read(L, io_to_file(L), 2); }

/* The iterator of lines(): upvalues are the handle, the format count, whether to
 * close at end of file, then the formats. */
static int io_readline(lua_State *L) {
  IoStream *p = (IoStream *)lua_touserdata(L, lua_upvalueindex(1));
  int n = (int)lua_tointeger(L, lua_upvalueindex(2));
  if (io_is_closed(p)) return luaL_error(L, "file is already closed");
  lua_settop(L, 1);
  luaL_checkstack(L, n, "too many arguments");
  for (int i = 1; i <= n; i++) lua_pushvalue(L, lua_upvalueindex(3 + i));
  n = io_generic_read(L, p->f, 2);
  if (lua_toboolean(L, -n)) return n;
  if (n > 1) /* a read error: nil, message, code */
    return luaL_error(L, "%s", lua_tostring(L, -n + 1));
  if (lua_toboolean(L, lua_upvalueindex(3))) {
    lua_settop(L, 0);
    lua_pushvalue(L, lua_upvalueindex(1));
    io_aux_close(L);
  }
  return 0;
}

/* Pushes the lines iterator for the handle at index 1 and the formats after it. */
static void io_push_lines_iter(lua_State *L, int toclose) {
  int n = lua_gettop(L) - 1;
  luaL_argcheck(L, n <= IO_MAX_LINE_ARGS, IO_MAX_LINE_ARGS + 2, "too many arguments");
  lua_pushvalue(L, 1);
  lua_pushinteger(L, n);
  lua_pushboolean(L, toclose);
  lua_rotate(L, 2, 3); /* handle, n, toclose go below the formats */
  lua_pushcclosure(L, io_readline, 3 + n);
}

static int io_file_lines(lua_State *L) {
  io_to_file(L);
  io_push_lines_iter(L, 0);
  return 1;
}

/* io.lines(name, ...) opens the file and closes it at end of file; it also returns
 * the handle as the generic for's to-be-closed value, so breaking out closes it. */
static int io_lines(lua_State *L) {
  int toclose;
  if (lua_isnone(L, 1)) lua_pushnil(L);
  if (lua_isnil(L, 1)) {
    lua_getfield(L, LUA_REGISTRYINDEX, IO_INPUT);
    lua_replace(L, 1);
    io_to_file(L);
    toclose = 0;
  } else {
    const char *filename = luaL_checkstring(L, 1);
    io_open_or_raise(L, filename, "r");
    lua_replace(L, 1);
    toclose = 1;
  }
  io_push_lines_iter(L, toclose);
  if (!toclose) return 1;
  lua_pushnil(L);
  lua_pushnil(L);
  lua_pushvalue(L, 1);
  return 4;
}

/* ---- writing ---- */

static int io_generic_write(lua_State *L, FILE *f, int arg) {
  int nargs = lua_gettop(L) - arg;
  int status = 1;
  errno = 0;
  for (; nargs--; arg++) {
    if (lua_type(L, arg) == LUA_TNUMBER) {
      int len = lua_isinteger(L, arg)
                  ? fprintf(f, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, arg))
                  : fprintf(f, LUA_NUMBER_FMT, (LUAI_UACNUMBER)lua_tonumber(L, arg));
      status = status && len > 0;
    } else {
      size_t len;
      const char *s = luaL_checklstring(L, arg, &len);
      status = status && fwrite(s, 1, len, f) == len;
    }
  }
  if (status) return 1; /* the file is already on the stack top */
  return luaL_fileresult(L, status, NULL);
}

static int io_write(lua_State *L) {
  return io_generic_write(L, io_get_default(L, IO_OUTPUT), 1);
}

static int io_file_write(lua_State *L) {
  FILE *f = io_to_file(L);
  lua_pushvalue(L, 1);
  return io_generic_write(L, f, 2);
}

static int io_file_seek(lua_State *L) {
  static const int modes[] = {SEEK_SET, SEEK_CUR, SEEK_END};
  static const char *const names[] = {"set", "cur", "end", NULL};
  FILE *f = io_to_file(L);
  int op = luaL_checkoption(L, 2, "cur", names);
  lua_Integer p3 = luaL_optinteger(L, 3, 0);
  off_t offset = (off_t)p3;
  luaL_argcheck(L, (lua_Integer)offset == p3, 3, "not an integer in proper range");
  errno = 0;
  if (fseeko(f, offset, modes[op]) != 0) return luaL_fileresult(L, 0, NULL);
  lua_pushinteger(L, (lua_Integer)ftello(f));
  return 1;
}

static int io_file_setvbuf(lua_State *L) {
  static const int modes[] = {_IONBF, _IOFBF, _IOLBF};
  static const char *const names[] = {"no", "full", "line", NULL};
  FILE *f = io_to_file(L);
  int op = luaL_checkoption(L, 2, NULL, names);
  lua_Integer size = luaL_optinteger(L, 3, LUAL_BUFFERSIZE);
  errno = 0;
  int res = setvbuf(f, NULL, modes[op], (size_t)size);
  return luaL_fileresult(L, res == 0, NULL);
}

static int io_flush(lua_State *L) {
  FILE *f = io_get_default(L, IO_OUTPUT);
  errno = 0;
  return luaL_fileresult(L, fflush(f) == 0, NULL);
}

static int io_file_flush(lua_State *L) {
  FILE *f = io_to_file(L);
  errno = 0;
  return luaL_fileresult(L, fflush(f) == 0, NULL);
}

static const luaL_Reg io_funcs[] = {
  {"close", io_close},
  {"flush", io_flush},
  {"input", io_input},
  {"lines", io_lines},
  {"open", io_open},
  {"output", io_output},
  {"popen", io_popen},
  {"read", io_read},
  {"tmpfile", io_tmpfile},
  {"type", io_type},
  {"write", io_write},
  {NULL, NULL}
};

static const luaL_Reg io_methods[] = {
  {"read", io_file_read},
  {"write", io_file_write},
  {"lines", io_file_lines},
  {"flush", io_file_flush},
  {"seek", io_file_seek},
  {"close", io_file_close},
  {"setvbuf", io_file_setvbuf},
  {NULL, NULL}
};

static const luaL_Reg io_metamethods[] = {
  {"__index", NULL}, /* set to the method table below */
  {"__gc", io_file_gc},
  {"__close", io_file_gc},
  {"__tostring", io_file_tostring},
  {NULL, NULL}
};

static void io_create_meta(lua_State *L) {
  luaL_newmetatable(L, LUA_FILEHANDLE);
  luaL_setfuncs(L, io_metamethods, 0);
  luaL_newlibtable(L, io_methods);
  luaL_setfuncs(L, io_methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

/* Wraps a standard C stream; it can never be closed from Lua. */
static void io_create_std_file(lua_State *L, FILE *f, const char *key, const char *name) {
  IoStream *p = io_new_prefile(L);
  p->f = f;
  p->closef = io_noclose;
  if (key != NULL) {
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, key);
  }
  lua_setfield(L, -2, name);
}

LUAMOD_API int luaopen_io(lua_State *L) {
  luaL_newlib(L, io_funcs);
  io_create_meta(L);
  io_create_std_file(L, stdin, IO_INPUT, "stdin");
  io_create_std_file(L, stdout, IO_OUTPUT, "stdout");
  io_create_std_file(L, stderr, NULL, "stderr");
  return 1;
}
