/* The `cove` command: runs Lua scripts the way lua5.4's `lua` program does (same
 * options, the `arg` table, LUA_INIT, error reports with a traceback, the REPL), on
 * the public API only, so it doubles as a test of that API. Messages are prefixed
 * "cove: " instead of the program path. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#define COVE_PROGNAME "cove"
#define COVE_VERSION_LINE "Cove 0.1 (" LUA_VERSION " compatible)"

/* Environment variables read at start-up, versioned name first. */
#define INIT_VAR "LUA_INIT"
#define INIT_VAR_VERSIONED INIT_VAR LUA_VERSUFFIX

/* Longest line the REPL reads without readline. */
#define MAXINPUT 512

static lua_State *global_L = NULL;
static const char *progname = COVE_PROGNAME;

/* ---- Ctrl-C: stop the running script at the next hook event ---- */

static void stop_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lua_sethook(L, NULL, 0, 0);
  luaL_error(L, "interrupted!");
}

/* Signal handler: only installs a hook (async-signal-safe in practice, as in lua.c);
 * a second Ctrl-C, with the default action restored, kills the process. */
static void on_sigint(int sig) {
  int flags = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
  signal(sig, SIG_DFL);
  lua_sethook(global_L, stop_hook, flags, 1);
}

/* ---- messages ---- */

static void print_usage(const char *badoption) {
  lua_writestringerror("%s: ", progname);
  if (badoption[1] == 'e' || badoption[1] == 'l')
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
    progname);
}

static void print_message(const char *pname, const char *msg) {
  if (pname)
    lua_writestringerror("%s: ", pname);
  lua_writestringerror("%s\n", msg);
}

/* Prints the error message on the top, if status says there is one. */
static int report(lua_State *L, int status) {
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg == NULL)
      msg = "(null)";  /* what lua5.4 prints here, through printf of a NULL */
    print_message(progname, msg);
    lua_pop(L, 1);
  }
  return status;
}

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

static int docall(lua_State *L, int narg, int nres) {
  int base = lua_gettop(L) - narg;  /* function index */
  lua_pushcfunction(L, message_handler);
  lua_insert(L, base);
  global_L = L;
  signal(SIGINT, on_sigint);
  int status = lua_pcall(L, narg, nres, base);
  signal(SIGINT, SIG_DFL);
  lua_remove(L, base);
  return status;
}

static void print_version(void) {
  lua_writestring(COVE_VERSION_LINE, strlen(COVE_VERSION_LINE));
  lua_writeline();
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
    status = docall(L, 0, 0);
  return report(L, status);
}

static int dofile(lua_State *L, const char *name) {
  return dochunk(L, luaL_loadfile(L, name));
}

static int dostring(lua_State *L, const char *s, const char *name) {
  return dochunk(L, luaL_loadbuffer(L, s, strlen(s), name));
}

/* -l mod, or -l g=mod: global g (or mod) = require(mod). For "mod-v2" style names the
 * global is the part before the '-', as lua5.4's LUA_IGMARK rule. */
static int dolibrary(lua_State *L, char *globname) {
  char *suffix = NULL;
  char *modname = strchr(globname, '=');
  if (modname == NULL) {
    modname = globname;
    suffix = strchr(modname, *LUA_IGMARK);
  } else {
    *modname = '\0';
    modname++;
  }
  lua_getglobal(L, "require");
  lua_pushstring(L, modname);
  int status = docall(L, 1, 1);
  if (status == LUA_OK) {
    if (suffix != NULL)
      *suffix = '\0';
    lua_setglobal(L, globname);
  }
  return report(L, status);
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
    status = docall(L, n, LUA_MULTRET);
  }
  return report(L, status);
}

/* ---- options ---- */

#define HAS_ERROR 1 /* bad option */
#define HAS_I 2     /* -i */
#define HAS_V 4     /* -v */
#define HAS_E 8     /* -e */
#define HAS_BIG_E 16 /* -E */

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
      case 'W':
        lua_warning(L, "@on", 0);
        break;
      default:
        break;
    }
  }
  return 1;
}

static int handle_luainit(lua_State *L) {
  const char *name = "=" INIT_VAR_VERSIONED;
  const char *init = getenv(name + 1);
  if (init == NULL) {
    name = "=" INIT_VAR;
    init = getenv(name + 1);
  }
  if (init == NULL)
    return LUA_OK;
  if (init[0] == '@')
    return dofile(L, init + 1);
  return dostring(L, init, name);
}

/* ---- the REPL ---- */

static int use_readline = 0;

static const char *get_prompt(lua_State *L, int firstline) {
  if (lua_getglobal(L, firstline ? "_PROMPT" : "_PROMPT2") == LUA_TNIL)
    return firstline ? "> " : ">> ";
  const char *p = luaL_tolstring(L, -1, NULL);
  lua_remove(L, -2);
  return p;  /* stays on the stack until the line is read */
}

/* A syntax error ending in "<eof>" means the statement is incomplete. */
#define EOFMARK "<eof>"
#define MARKLEN (sizeof(EOFMARK) / sizeof(char) - 1)

static int incomplete(lua_State *L, int status) {
  if (status == LUA_ERRSYNTAX) {
    size_t lmsg;
    const char *msg = lua_tolstring(L, -1, &lmsg);
    if (lmsg >= MARKLEN && strcmp(msg + lmsg - MARKLEN, EOFMARK) == 0) {
      lua_pop(L, 1);
      return 1;
    }
  }
  return 0;
}

/* Reads one line (readline on a terminal) and pushes it; 0 at end of input. */
static int push_line(lua_State *L, int firstline) {
  const char *prompt = get_prompt(L, firstline);
  char buffer[MAXINPUT];
  char *line;
  if (use_readline) {
    line = readline(prompt);
    if (line == NULL)
      return 0;
  } else {
    fputs(prompt, stdout);
    fflush(stdout);
    if (fgets(buffer, MAXINPUT, stdin) == NULL)
      return 0;
    line = buffer;
  }
  lua_pop(L, 1);  /* the prompt */
  size_t l = strlen(line);
  if (l > 0 && line[l - 1] == '\n')
    line[--l] = '\0';
  if (firstline && line[0] == '=')  /* "=expr" is Lua 5.1's "return expr" */
    lua_pushfstring(L, "return %s", line + 1);
  else
    lua_pushlstring(L, line, l);
  if (use_readline)
    free(line);
  return 1;
}

static void save_line(const char *line) {
  if (use_readline && line[0] != '\0')
    add_history(line);
}

/* Tries the line as "return <line>;" so expressions print their values. */
static int add_return(lua_State *L) {
  const char *line = lua_tostring(L, -1);
  const char *retline = lua_pushfstring(L, "return %s;", line);
  int status = luaL_loadbuffer(L, retline, strlen(retline), "=stdin");
  if (status == LUA_OK) {
    lua_remove(L, -2);  /* the modified line */
    save_line(line);
  } else {
    lua_pop(L, 2);  /* the result from luaL_loadbuffer and the modified line */
  }
  return status;
}

/* Reads more lines while the statement is incomplete. */
static int multi_line(lua_State *L) {
  for (;;) {
    size_t len;
    const char *line = lua_tolstring(L, 1, &len);
    int status = luaL_loadbuffer(L, line, len, "=stdin");
    if (!incomplete(L, status) || !push_line(L, 0)) {
      save_line(line);
      return status;
    }
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);  /* old line, "\n", new line */
  }
}

static int load_line(lua_State *L) {
  lua_settop(L, 0);
  if (!push_line(L, 1))
    return -1;
  int status = add_return(L);
  if (status != LUA_OK)
    status = multi_line(L);
  lua_remove(L, 1);  /* the line */
  return status;
}

static void print_results(lua_State *L) {
  int n = lua_gettop(L);
  if (n > 0) {
    luaL_checkstack(L, LUA_MINSTACK, "too many results to print");
    lua_getglobal(L, "print");
    lua_insert(L, 1);
    if (lua_pcall(L, n, 0, 0) != LUA_OK)
      print_message(progname, lua_pushfstring(L, "error calling 'print' (%s)",
                                              lua_tostring(L, -1)));
  }
}

static void do_repl(lua_State *L) {
  const char *oldprogname = progname;
  int status;
  progname = NULL;  /* errors in the REPL are not prefixed */
  use_readline = 1;  /* as Debian's lua5.4, which echoes input read from a pipe */
  while ((status = load_line(L)) != -1) {
    if (status == LUA_OK)
      status = docall(L, 0, LUA_MULTRET);
    if (status == LUA_OK)
      print_results(L);
    else
      report(L, status);
  }
  lua_settop(L, 0);
  lua_writeline();
  progname = oldprogname;
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
  if (args & HAS_V)
    print_version();
  if (args & HAS_BIG_E) {
    lua_pushboolean(L, 1);  /* tells package not to read LUA_PATH and friends */
    lua_setfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
  }
  luaL_openlibs(L);
  create_arg_table(L, argv, argc, script);
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCGEN, 0, 0);
  if (!(args & HAS_BIG_E) && handle_luainit(L) != LUA_OK)
    return 0;
  if (!run_args(L, argv, optlim))
    return 0;
  if (script > 0 && handle_script(L, argv + script) != LUA_OK)
    return 0;
  if (args & HAS_I) {
    do_repl(L);
  } else if (script < 1 && !(args & (HAS_E | HAS_V))) {
    if (isatty(STDIN_FILENO)) {
      print_version();
      do_repl(L);
    } else {
      dofile(L, NULL);  /* executes stdin as a file */
    }
  }
  lua_pushboolean(L, 1);
  return 1;
}

int main(int argc, char **argv) {
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    print_message(progname, "cannot create state: not enough memory");
    return EXIT_FAILURE;
  }
  lua_gc(L, LUA_GCSTOP);  /* no collections while building the state */
  lua_pushcfunction(L, protected_main);
  lua_pushinteger(L, argc);
  lua_pushlightuserdata(L, argv);
  int status = lua_pcall(L, 2, 1, 0);
  int result = lua_toboolean(L, -1);
  report(L, status);
  lua_close(L);
  return (result && status == LUA_OK) ? EXIT_SUCCESS : EXIT_FAILURE;
}
