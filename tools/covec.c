/* `covec`: Cove's luac. Compiles Lua source files (or loads binary chunks, which are
 * verified like any other) into one Cove binary chunk (spec/bytecode-format.md), and
 * lists bytecode with -l. Options and messages follow luac5.4; several input files
 * are combined into one main function that runs each in turn, as luac does. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#include "func.h"
#include "gc.h"
#include "state.h"
#include "str.h"
#include "../compiler/dump.h"
#include "../compiler/listing.h"

#define PROGNAME "covec"
#define OUTPUT   PROGNAME ".out"
#define VERSION_LINE "Cove 0.1 (" LUA_VERSION " compatible) bytecode compiler"

static int listing = 0;         /* -l: list; -l -l: list with constants, locals, upvalues */
static int dumping = 1;         /* -p turns it off */
static int stripping = 0;       /* -s */
static const char *output = OUTPUT;
static const char *progname = PROGNAME;

static void fatal(const char *message) {
  fprintf(stderr, "%s: %s\n", progname, message);
  exit(EXIT_FAILURE);
}

static void cannot(const char *what) {
  fprintf(stderr, "%s: cannot %s %s: %s\n", progname, what, output, strerror(errno));
  exit(EXIT_FAILURE);
}

static void usage(const char *message) {
  if (*message == '-')
    fprintf(stderr, "%s: unrecognized option '%s'\n", progname, message);
  else
    fprintf(stderr, "%s: %s\n", progname, message);
  fprintf(stderr,
          "usage: %s [options] [filenames]\n"
          "Available options are:\n"
          "  -l       list (use -l -l for full listing)\n"
          "  -o name  output to file 'name' (default is \"%s\")\n"
          "  -p       parse only\n"
          "  -s       strip debug information\n"
          "  -v       show version information\n"
          "  --       stop handling options\n"
          "  -        stop handling options and process stdin\n",
          progname, OUTPUT);
  exit(EXIT_FAILURE);
}

/* Returns the index of the first file argument. */
static int doargs(int argc, char *argv[]) {
  int i, version = 0;
  if (argv[0] != NULL && *argv[0] != 0)
    progname = argv[0];
  for (i = 1; i < argc; i++) {
    if (*argv[i] != '-') {
      break;  /* end of options; keep it */
    } else if (strcmp(argv[i], "--") == 0) {
      ++i;
      if (version)
        ++version;
      break;
    } else if (strcmp(argv[i], "-") == 0) {
      break;  /* stdin */
    } else if (strcmp(argv[i], "-l") == 0) {
      ++listing;
    } else if (strcmp(argv[i], "-o") == 0) {
      output = argv[++i];
      if (output == NULL || *output == 0 || (*output == '-' && output[1] != 0))
        usage("'-o' needs argument");
      if (strcmp(argv[i], "-") == 0)
        output = NULL;  /* stdout */
    } else if (strcmp(argv[i], "-p") == 0) {
      dumping = 0;
    } else if (strcmp(argv[i], "-s") == 0) {
      stripping = 1;
    } else if (strcmp(argv[i], "-v") == 0) {
      ++version;
    } else {
      usage(argv[i]);
    }
  }
  if (i == argc && (listing || !dumping)) {
    dumping = 0;
    argv[--i] = (char *)OUTPUT;  /* luac lists its own default output */
  }
  if (version) {
    printf("%s\n", VERSION_LINE);
    if (version == argc - 1)
      exit(EXIT_SUCCESS);
  }
  return i;
}

static const Proto *toproto(lua_State *L, int idx) {
  return clLvalue(L->ci->func + idx)->p;
}

/* One main function that calls each of the n chunks on the stack top in turn:
 * VARARGPREP; ENTER; { CLOSURE 0 i; CALL 0 1 1 } * n; RETURN0. Each chunk's _ENV
 * becomes the combined function's own first upvalue. */
static const Proto *combine(lua_State *L, int n) {
  if (n == 1)
    return toproto(L, lua_gettop(L));
  Proto *f = func_newproto(L);
  f->source = str_newz(L, "=(" PROGNAME ")");
  f->is_vararg = 1;
  f->maxstacksize = 2;
  f->sizecode = 2 * n + 3;
  f->code = gc_alloc_atomic(L, sizeof(Instruction) * (size_t)f->sizecode);
  f->sizep = n;
  f->p = gc_alloc(L, sizeof(Proto *) * (size_t)n);
  f->sizeupvalues = 1;
  f->upvalues = gc_alloc(L, sizeof(UpvalDesc));
  f->upvalues[0].name = str_newz(L, "_ENV");
  f->upvalues[0].instack = 1;
  int pc = 0;
  f->code[pc++] = CREATE_ABC(OP_VARARGPREP, 0, 0, 0);
  f->code[pc++] = CREATE_AD(OP_ENTER, 0, 1);
  for (int i = 0; i < n; i++) {
    Proto *sub = (Proto *)toproto(L, lua_gettop(L) - n + 1 + i);
    if (sub->sizeupvalues > 0) {
      sub->upvalues[0].instack = 0;
      sub->upvalues[0].idx = 0;
    }
    f->p[i] = sub;
    f->code[pc++] = CREATE_AD(OP_CLOSURE, 0, i);
    f->code[pc++] = CREATE_ABC(OP_CALL, 0, 1, 1);
  }
  f->code[pc++] = CREATE_ABC(OP_RETURN0, 0, 0, 0);
  return f;
}

static int writer(lua_State *L, const void *p, size_t size, void *u) {
  (void)L;
  return (fwrite(p, size, 1, (FILE *)u) != 1) && (size != 0);
}

static int pmain(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  if (!lua_checkstack(L, argc))
    fatal("too many input files");
  for (int i = 0; i < argc; i++) {
    const char *filename = strcmp(argv[i], "-") == 0 ? NULL : argv[i];
    if (luaL_loadfile(L, filename) != LUA_OK)
      fatal(lua_tostring(L, -1));
  }
  const Proto *f = combine(L, argc);
  if (listing)
    cmp_listing(stdout, f, listing > 1);
  if (dumping) {
    FILE *out = output == NULL ? stdout : fopen(output, "wb");
    if (out == NULL)
      cannot("open");
    if (cmp_dump(L, f, writer, out, stripping) != 0)
      cannot("write");
    if (ferror(out))
      cannot("write");
    if (out != stdout && fclose(out) != 0)
      cannot("close");
  }
  return 0;
}

int main(int argc, char *argv[]) {
  int i = doargs(argc, argv);
  argc -= i;
  argv += i;
  if (argc <= 0)
    usage("no input files given");
  lua_State *L = luaL_newstate();
  if (L == NULL)
    fatal("cannot create state: not enough memory");
  lua_pushcfunction(L, pmain);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  if (lua_pcall(L, 2, 0, 0) != LUA_OK)
    fatal(lua_tostring(L, -1));
  lua_close(L);
  return EXIT_SUCCESS;
}
