/* The `cove` command: runs Lua scripts the way lua5.4's `lua` program does (same
 * options, the `arg` table, LUA_INIT, error reports with a traceback, exit statuses),
 * plus Cove's own options (-j, --help) and COVE_INIT. The REPL is in tools/repl.c.
 * Everything goes through the public API except Ctrl-C, which sets the global
 * interrupt flag that the interpreter polls at its safe points (spec/safepoints.md). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cove.h"
#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"
#include "repl.h"
#include "state.h"

#define CLI_VERSION "0.1"
/* Ends like lua5.4's banner (the official main.lua checks for "PUC-Rio" at the end); the
 * copyright named is that of the Lua language and API, which Cove implements. */
#define COVE_VERSION_LINE \
  "Cove " CLI_VERSION " (" LUA_RELEASE " compatible)  Lua language Copyright (C) 1994-2022 Lua.org, PUC-Rio"

/* Start-up code: the first of these variables that is set runs before the options. */
static const char *const init_vars[] = {"COVE_INIT", "LUA_INIT" LUA_VERSUFFIX, "LUA_INIT", NULL};

const char *cli_progname = "cove";

/* ---- Ctrl-C: stop the running code at the next safe point ---- */

static lua_State *running_L = NULL;

/* Only sets the interrupt flag (a volatile int: async-signal-safe); the interpreter
 * raises "interrupted!" at its next safe point. The default action is restored so that
 * a second Ctrl-C kills a program stuck in a C function (no safe point), as lua5.4. */
static void on_sigint(int sig) {
  signal(sig, SIG_DFL);
  G(running_L)->interrupt = 1;
}

/* ---- messages ---- */

void cli_message(const char *pname, const char *msg) {
  if (pname != NULL)
    lua_writestringerror("%s: ", pname);
  lua_writestringerror("%s\n", msg);
}

int cli_report(lua_State *L, int status) {
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg == NULL)
      msg = "(null)";  /* what lua5.4 prints here, through printf of a NULL */
    cli_message(cli_progname, msg);
    lua_pop(L, 1);
  }
  return status;
}

/* lua5.4's usage text, word for word (tests compare it); Cove's options are in --help. */
static void print_usage(const char *badoption) {
  lua_writestringerror("%s: ", cli_progname);
  if (badoption[1] == 'e' || badoption[1] == 'l' || badoption[1] == 'j')
    lua_writestringerror("'%s' needs argument\n", badoption);
  else
    lua_writestringerror("unrecognized option '%s'\n", badoption);
  lua_writestringerror(
    "usage: %s [options] [script [args]]\n"
    "Available options are:\n"
    "  -e stat   execute string 'stat'\n"
    "  -i        enter interactive mode after executing 'script'\n"
    "  -l mod    require library 'mod' into global 'mod'\n"
    "  -l g=mod  require library 'mod' into global 'g'\n"
    "  -v        show version information\n"
    "  -E        ignore environment variables\n"
    "  -W        turn warnings on\n"
    "  --        stop handling options\n"
    "  -         stop handling options and execute stdin\n",
    cli_progname);
}

/* `cove --help`: everything, on stdout, exit status 0. */
static void print_help(void) {
  printf(
    "usage: %s [options] [script [args]]\n"
    "Lua 5.4 options:\n"
    "  -e stat   execute string 'stat'\n"
    "  -i        enter interactive mode after executing 'script'\n"
    "  -l mod    require library 'mod' into global 'mod'\n"
    "  -l g=mod  require library 'mod' into global 'g'\n"
    "  -v        show version information\n"
    "  -E        ignore environment variables (COVE_INIT, LUA_INIT, LUA_PATH, ...)\n"
    "  -W        turn warnings on\n"
    "  --        stop handling options\n"
    "  -         stop handling options and execute stdin\n"
    "Cove options:\n"
    "  -j on|off turn the JIT compiler on or off (default on)\n"
    "  -jdump    dump the traces the JIT compiles\n"
    "  -jv       report trace compilation and aborts (verbose)\n"
    "            (the -j options are accepted now and take effect once the JIT exists)\n"
    "  --help    show this help\n"
    "Environment:\n"
    "  COVE_INIT, LUA_INIT_5_4, LUA_INIT  code (or @file) run before the options;\n"
    "                                     the first one set is used\n"
    "  LUA_PATH, LUA_CPATH (and _5_4)     module search paths\n"
    "  COVE_HISTORY                       REPL history file (default ~/.cove_history;\n"
    "                                     empty: no history file)\n"
    "  COVE_THREADS                       set: let C modules run states on other threads\n"
    "                                     (the collector then takes locks)\n"
    "See cove(1).\n",
    cli_progname);
}

void cli_print_version(void) {
  lua_writestring(COVE_VERSION_LINE, strlen(COVE_VERSION_LINE));
  lua_writeline();
}

/* ---- running code ---- */

/* Message handler of every protected call: a traceback for strings; __tostring for
 * other error objects (then without traceback, as lua5.4). */
static int message_handler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

int cli_docall(lua_State *L, int narg, int nresults) {
  int base = lua_gettop(L) - narg;  /* function index */
  lua_pushcfunction(L, message_handler);
  lua_insert(L, base);
  running_L = L;
  G(L)->interrupt = 0;  /* a Ctrl-C that came between calls is not for this one */
  signal(SIGINT, on_sigint);
  int status = lua_pcall(L, narg, nresults, base);
  signal(SIGINT, SIG_DFL);
  G(L)->interrupt = 0;  /* one that arrived while C code ran to the end is stale */
  lua_remove(L, base);
  return status;
}

/* arg[0] is the script, arg[1..] its arguments, negative indices the interpreter and
 * the options before the script. */
static void create_arg_table(lua_State *L, char **argv, int argc, int script) {
  if (script == argc)
    script = 0;  /* no script name */
  int narg = argc - (script + 1);
  lua_createtable(L, narg, script + 1);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i - script);
  }
  lua_setglobal(L, "arg");
}

static int dochunk(lua_State *L, int status) {
  if (status == LUA_OK)
    status = cli_docall(L, 0, 0);
  return cli_report(L, status);
}

static int dofile(lua_State *L, const char *name) {
  return dochunk(L, luaL_loadfile(L, name));
}

static int dostring(lua_State *L, const char *s, const char *name) {
  return dochunk(L, luaL_loadbuffer(L, s, strlen(s), name));
}

/* -l mod, or -l g=mod: global g (or mod) = require(mod). As lua5.4.4, "-l mod-v2" sets
 * the global "mod-v2" (the LUA_IGMARK trimming came in 5.4.6). */
static int dolibrary(lua_State *L, char *globname) {
  char *modname = strchr(globname, '=');
  if (modname == NULL) {
    modname = globname;
  } else {
    *modname = '\0';
    modname++;
  }
  lua_getglobal(L, "require");
  lua_pushstring(L, modname);
  int status = cli_docall(L, 1, 1);
  if (status == LUA_OK)
    lua_setglobal(L, globname);
  return cli_report(L, status);
}

/* Pushes the script's arguments (arg[1..n]) for its `...`. */
static int push_args(lua_State *L) {
  if (lua_getglobal(L, "arg") != LUA_TTABLE)
    luaL_error(L, "'arg' is not a table");
  int n = (int)luaL_len(L, -1);
  luaL_checkstack(L, n + 3, "too many arguments to script");
  int i;
  for (i = 1; i <= n; i++)
    lua_rawgeti(L, -i, i);
  lua_remove(L, -i);  /* the table */
  return n;
}

static int handle_script(lua_State *L, char **argv) {
  const char *fname = argv[0];
  if (strcmp(fname, "-") == 0 && strcmp(argv[-1], "--") != 0)
    fname = NULL;  /* stdin */
  int status = luaL_loadfile(L, fname);
  if (status == LUA_OK) {
    int n = push_args(L);
    status = cli_docall(L, n, LUA_MULTRET);
  }
  return cli_report(L, status);
}

static int handle_init(lua_State *L) {
  for (int i = 0; init_vars[i] != NULL; i++) {
    const char *init = getenv(init_vars[i]);
    if (init == NULL)
      continue;
    if (init[0] == '@')
      return dofile(L, init + 1);
    const char *chunkname = lua_pushfstring(L, "=%s", init_vars[i]);
    int status = dostring(L, init, chunkname);
    lua_pop(L, 1);  /* the chunk name */
    return status;
  }
  return LUA_OK;
}

/* ---- options ---- */

#define HAS_ERROR 1 /* bad option */
#define HAS_I 2     /* -i */
#define HAS_V 4     /* -v */
#define HAS_E 8     /* -e */
#define HAS_BIG_E 16 /* -E */
#define HAS_HELP 32  /* --help */
#define HAS_BAD_J 64 /* -j with an argument it does not know */

/* The JIT settings from -j. No JIT exists yet: they are parsed, validated and kept here
 * so that scripts and tests can rely on the options today. */
static struct {
  int enabled;  /* -j on / -j off */
  int dump;     /* -jdump */
  int verbose;  /* -jv */
} jit_options = {1, 0, 0};

static const char *bad_jit_option = NULL;  /* for the message of HAS_BAD_J */

/* Applies one -j argument ("on", "off", "dump", "v"); 0 when it is not one of them. */
static int set_jit_option(const char *what) {
  if (strcmp(what, "on") == 0)
    jit_options.enabled = 1;
  else if (strcmp(what, "off") == 0)
    jit_options.enabled = 0;
  else if (strcmp(what, "dump") == 0)
    jit_options.dump = 1;
  else if (strcmp(what, "v") == 0)
    jit_options.verbose = 1;
  else
    return 0;
  return 1;
}

/* First pass over the options: which are present, and where the script is
 * (*first: its index, 0 when there is none, or the bad option's index on error). */
static int collect_args(char **argv, int *first) {
  int args = 0;
  int i;
  if (argv[0] == NULL) {
    *first = -1;
    return 0;
  }
  for (i = 1; argv[i] != NULL; i++) {
    *first = i;
    if (argv[i][0] != '-')
      return args;  /* the script */
    switch (argv[i][1]) {
      case '-':
        if (strcmp(argv[i], "--help") == 0)
          return args | HAS_HELP;
        if (argv[i][2] != '\0')
          return HAS_ERROR;
        *first = i + 1;
        return args;
      case '\0':
        return args;  /* "-" is the script (stdin) */
      case 'E':
        if (argv[i][2] != '\0')
          return HAS_ERROR;
        args |= HAS_BIG_E;
        break;
      case 'W':
        if (argv[i][2] != '\0')
          return HAS_ERROR;
        break;
      case 'i':
        args |= HAS_I;  /* -i implies -v */
        /* fall through */
      case 'v':
        if (argv[i][2] != '\0')
          return HAS_ERROR;
        args |= HAS_V;
        break;
      case 'j': {
        const char *what = argv[i] + 2;
        if (*what == '\0') {
          what = argv[++i];
          if (what == NULL || what[0] == '-')
            return HAS_ERROR;
        }
        if (!set_jit_option(what)) {
          bad_jit_option = what;
          return HAS_BAD_J;
        }
        break;
      }
      case 'e':
        args |= HAS_E;
        /* fall through */
      case 'l':
        if (argv[i][2] == '\0') {
          i++;
          if (argv[i] == NULL || argv[i][0] == '-')
            return HAS_ERROR;
        }
        break;
      default:
        return HAS_ERROR;
    }
  }
  *first = 0;
  return args;
}

/* Second pass: run -e, -l and -W in order. Returns 0 when one of them failed. */
static int run_args(lua_State *L, char **argv, int n) {
  for (int i = 1; i < n; i++) {
    int option = argv[i][1];
    switch (option) {
      case 'e': case 'l': {
        char *extra = argv[i] + 2;
        if (*extra == '\0')
          extra = argv[++i];
        int status = option == 'e' ? dostring(L, extra, "=(command line)")
                                   : dolibrary(L, extra);
        if (status != LUA_OK)
          return 0;
        break;
      }
      case 'j':
        if (argv[i][2] == '\0')
          i++;  /* its argument; already applied by collect_args */
        break;
      case 'W':
        lua_warning(L, "@on", 0);
        break;
      default:
        break;
    }
  }
  return 1;
}

/* ---- main ---- */

/* Runs in protected mode so that errors in the set-up are reported too. */
static int protected_main(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = (char **)lua_touserdata(L, 2);
  int script;
  int args = collect_args(argv, &script);
  int optlim = script > 0 ? script : argc;
  luaL_checkversion(L);
  if (args == HAS_ERROR) {
    print_usage(argv[script]);
    return 0;
  }
  if (args == HAS_BAD_J) {
    lua_writestringerror("%s: ", cli_progname);
    lua_writestringerror("unknown JIT option '%s' (expected on, off, dump or v)\n",
                         bad_jit_option);
    return 0;
  }
  if (args & HAS_HELP) {
    print_help();
    lua_pushboolean(L, 1);
    return 1;
  }
  if (args & HAS_V)
    cli_print_version();
  if (args & HAS_BIG_E) {
    lua_pushboolean(L, 1);  /* tells package not to read LUA_PATH and friends */
    lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
  }
  luaL_openlibs(L);
  create_arg_table(L, argv, argc, script);
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCGEN, 0, 0);
  if (!(args & HAS_BIG_E) && handle_init(L) != LUA_OK)
    return 0;
  if (!run_args(L, argv, optlim))
    return 0;
  if (script > 0 && handle_script(L, argv + script) != LUA_OK)
    return 0;
  if (args & HAS_I) {
    repl_run(L);
  } else if (script < 1 && !(args & (HAS_E | HAS_V))) {
    if (isatty(STDIN_FILENO)) {
      cli_print_version();
      repl_run(L);
    } else {
      dofile(L, NULL);  /* executes stdin as a file */
    }
  }
  lua_pushboolean(L, 1);
  return 1;
}

int main(int argc, char **argv) {
  if (argv[0] != NULL && argv[0][0] != '\0')
    cli_progname = argv[0];  /* as lua5.4: messages name the program as it was invoked */
  /* The command line runs one state on one thread: no locking in the collector, unless
   * a C module that runs states on threads of its own is expected (spec/capi.md). */
  const char *threads = getenv("COVE_THREADS");
  if (threads == NULL || *threads == '\0')
    cove_singlethreaded();
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    cli_message(cli_progname, "cannot create state: not enough memory");
    return EXIT_FAILURE;
  }
  lua_gc(L, LUA_GCSTOP);  /* no collections while building the state */
  lua_pushcfunction(L, protected_main);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int status = lua_pcall(L, 2, 1, 0);
  int result = lua_toboolean(L, -1);
  cli_report(L, status);
  lua_close(L);
  return (result && status == LUA_OK) ? EXIT_SUCCESS : EXIT_FAILURE;
}
