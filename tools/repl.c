/* The `cove` REPL: lua5.4's read-eval-print loop (expressions print their values,
 * incomplete statements continue on a ">>" line, _PROMPT/_PROMPT2) with GNU readline
 * on a terminal: persistent size-capped history, tab completion of globals, fields
 * and methods, Ctrl-C that cancels the line being typed. On a pipe it reads plain
 * lines (no readline, no history) and echoes them as lua5.4 does. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "lauxlib.h"
#include "lua.h"
#include "repl.h"

#define DEFAULT_PROMPT "> "
#define DEFAULT_PROMPT2 ">> "

/* History: at most this many lines are kept, in memory and in the file. */
#define HISTORY_MAX 1000
#define HISTORY_FILE ".cove_history"

/* push_line results */
#define LINE_EOF 0
#define LINE_OK 1
#define LINE_CANCELLED 2  /* Ctrl-C at the prompt */
/* load_line result besides the lua_load statuses */
#define STATUS_EOF (-1)
#define STATUS_CANCELLED (-2)

static int use_readline = 0;
static char *history_path = NULL;  /* NULL: no history file */
static lua_State *repl_L = NULL;   /* for the completion callback */

/* ---- Ctrl-C at the prompt ---- */

static volatile sig_atomic_t prompt_sigint = 0;

static void on_prompt_sigint(int sig) {
  (void)sig;
  prompt_sigint = 1;
}

/* The terminal opened a second time, non-blocking, for repl_getc (-1: could not,
 * read the blocking descriptor). A Ctrl-C makes the terminal driver discard the input
 * not yet read, so a byte that select reported can be gone by the time read runs: on a
 * blocking descriptor the read would then wait for the next key with the Ctrl-C
 * unanswered. A separate open file description keeps O_NONBLOCK off the one the shell
 * shares with us. */
static int nonblocking_fd(FILE *in) {
  static int fd = -2;
  if (fd == -2) {
    const char *name = ttyname(fileno(in));
    fd = name != NULL ? open(name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY) : -1;
  }
  return fd >= 0 ? fd : fileno(in);
}

/* readline's character reader, replaced so that a Ctrl-C ends the read: readline's own
 * handler records SIGINT, rl_check_signals lets it clean up and pass the signal on to
 * on_prompt_sigint, and then the line is emptied and "accepted" so readline returns.
 * The wait is a pselect with SIGINT blocked until it starts, so a Ctrl-C that arrives
 * while readline is busy (redisplay, completion) is not left waiting for a key; the
 * read is non-blocking, so one whose input was discarded after the wait goes back to it. */
static int repl_getc(FILE *in) {
  int fd = nonblocking_fd(in);
  sigset_t sigint_set, unblocked;
  sigemptyset(&sigint_set);
  sigaddset(&sigint_set, SIGINT);
  for (;;) {
    rl_check_signals();
    if (prompt_sigint) {
      rl_replace_line("", 0);
      return '\n';
    }
    sigprocmask(SIG_BLOCK, &sigint_set, &unblocked);
    int ready = 0;
    if (rl_pending_signal() == 0 && !prompt_sigint) {
      fd_set fds;
      FD_ZERO(&fds);
      FD_SET(fd, &fds);
      ready = pselect(fd + 1, &fds, NULL, NULL, NULL, &unblocked);
    }
    sigprocmask(SIG_SETMASK, &unblocked, NULL);
    if (ready < 0 && errno != EINTR)
      return EOF;
    if (ready <= 0)
      continue;  /* a signal: handled at the top */
    unsigned char c;
    ssize_t n = read(fd, &c, 1);
    if (n == 1)
      return c;
    if (n == 0)
      return EOF;
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK)
      return EOF;
  }
}

/* ---- history ---- */

static void history_open(void) {
  const char *path = getenv("COVE_HISTORY");
  if (path == NULL) {
    const char *home = getenv("HOME");
    if (home == NULL || home[0] == '\0')
      return;
    size_t len = strlen(home) + sizeof(HISTORY_FILE) + 1;
    history_path = malloc(len);
    if (history_path != NULL)
      snprintf(history_path, len, "%s/%s", home, HISTORY_FILE);
  } else if (path[0] != '\0') {
    history_path = strdup(path);
  }
  using_history();
  stifle_history(HISTORY_MAX);
  if (history_path != NULL) {
    read_history(history_path);  /* a missing file is an empty history */
    history_truncate_file(history_path, HISTORY_MAX);  /* in case a session was killed */
  }
}

/* Each physical line is one entry (a multi-line entry would come back as several
 * lines from the file anyway); consecutive duplicates are kept once. */
static void history_add(const char *line) {
  if (!use_readline || line[0] == '\0')
    return;
  HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
  if (last != NULL && strcmp(last->line, line) == 0)
    return;
  add_history(line);
  if (history_path != NULL) {
    /* written at once, so a killed session keeps its history */
    if (append_history(1, history_path) != 0)
      write_history(history_path);
  }
}

static void history_close(void) {
  if (history_path != NULL) {
    history_truncate_file(history_path, HISTORY_MAX);
    free(history_path);
    history_path = NULL;
  }
}

/* ---- tab completion ---- */

static const char *const keywords[] = {
  "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if",
  "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
  NULL};

/* How far completion follows __index tables, and how deep a.b.c paths go. */
#define COMPLETE_MAX_DEPTH 16

static int is_identifier(const char *s, size_t len) {
  if (len == 0 || (s[0] >= '0' && s[0] <= '9'))
    return 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
      return 0;
  }
  return 1;
}

/* Replaces the value on the top by its metatable's __index when that is a table;
 * returns 0 (popping the value) otherwise. Raw accesses only: completing never runs
 * user code. */
static int to_index_table(lua_State *L) {
  if (!lua_getmetatable(L, -1)) {
    lua_pop(L, 1);
    return 0;
  }
  lua_pushliteral(L, "__index");
  lua_rawget(L, -2);
  lua_remove(L, -2);  /* the metatable */
  lua_remove(L, -2);  /* the value */
  if (lua_type(L, -1) != LUA_TTABLE) {
    lua_pop(L, 1);
    return 0;
  }
  return 1;
}

/* Replaces the value on the top by value[key] (raw, then through __index tables). */
static void lookup(lua_State *L, const char *key, size_t len) {
  for (int depth = 0; depth < COMPLETE_MAX_DEPTH; depth++) {
    if (lua_type(L, -1) == LUA_TTABLE) {
      lua_pushlstring(L, key, len);
      lua_rawget(L, -2);
      if (!lua_isnil(L, -1)) {
        lua_remove(L, -2);
        return;
      }
      lua_pop(L, 1);
    }
    if (!to_index_table(L)) {
      lua_pushnil(L);
      return;
    }
  }
  lua_pop(L, 1);
  lua_pushnil(L);
}

/* Adds to the result set (index `set`) every identifier key of the value on the top
 * that starts with partial, from the value itself and its __index tables; methods
 * only keeps function values. Pops the value. */
static void collect_keys(lua_State *L, int set, const char *partial, int methods) {
  size_t plen = strlen(partial);
  for (int depth = 0; depth < COMPLETE_MAX_DEPTH; depth++) {
    if (lua_type(L, -1) == LUA_TTABLE) {
      lua_pushnil(L);
      while (lua_next(L, -2) != 0) {
        size_t klen;
        if (lua_type(L, -2) == LUA_TSTRING) {
          const char *k = lua_tolstring(L, -2, &klen);
          if (klen >= plen && memcmp(k, partial, plen) == 0 && is_identifier(k, klen) &&
              (!methods || lua_type(L, -1) == LUA_TFUNCTION)) {
            lua_pushvalue(L, -2);
            lua_pushstring(L, luaL_typename(L, -2));
            lua_rawset(L, set);  /* set[key] = type name */
          }
        }
        lua_pop(L, 1);
      }
    }
    if (!to_index_table(L))
      return;
  }
  lua_pop(L, 1);
}

/* In protected mode (completion allocates): word -> table {candidate = type name}
 * where each candidate is the whole word completed ("string.format"). */
static int completions(lua_State *L) {
  const char *word = luaL_checkstring(L, 1);
  lua_newtable(L);
  int set = lua_gettop(L);
  const char *sep = strpbrk(word, ".:");
  if (sep == NULL) {  /* a global or a keyword */
    for (int i = 0; keywords[i] != NULL; i++)
      if (strncmp(keywords[i], word, strlen(word)) == 0) {
        lua_pushstring(L, keywords[i]);
        lua_pushliteral(L, "keyword");
        lua_rawset(L, set);
      }
    lua_pushglobaltable(L);
    collect_keys(L, set, word, 0);
    return 1;
  }
  /* walk a.b.c up to the last separator; only that one may be ':' */
  const char *last = word + strlen(word);
  while (last > word && last[-1] != '.' && last[-1] != ':')
    last--;
  last--;  /* the last separator */
  lua_pushglobaltable(L);
  const char *part = word;
  for (int depth = 0; part <= last; depth++) {
    const char *end = strpbrk(part, ".:");
    if (depth >= COMPLETE_MAX_DEPTH || !is_identifier(part, (size_t)(end - part)) ||
        (*end == ':' && end != last))
      return 1;  /* nothing to complete */
    lookup(L, part, (size_t)(end - part));
    part = end + 1;
  }
  lua_newtable(L);  /* the candidates without the path */
  lua_insert(L, -2);
  collect_keys(L, lua_gettop(L) - 1, last + 1, *last == ':');
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {  /* prefix the path */
    lua_pushlstring(L, word, (size_t)(last + 1 - word));
    lua_pushvalue(L, -3);  /* the key */
    lua_concat(L, 2);
    lua_insert(L, -2);  /* below its type name */
    lua_rawset(L, set);
  }
  lua_pop(L, 1);
  return 1;
}

/* Candidates for the generator below: a malloc'ed, NULL-terminated array. */
static char **candidates = NULL;
static size_t candidate_next = 0;

static char *candidate_generator(const char *text, int state) {
  (void)text;
  if (state == 0)
    candidate_next = 0;
  if (candidates == NULL || candidates[candidate_next] == NULL)
    return NULL;
  return candidates[candidate_next++];  /* readline frees it */
}

static char **repl_complete(const char *text, int start, int end) {
  (void)start;
  (void)end;
  lua_State *L = repl_L;
  rl_attempted_completion_over = 1;  /* never fall back to file names */
  rl_completion_append_character = '\0';
  int top = lua_gettop(L);
  lua_pushcfunction(L, completions);
  lua_pushstring(L, text);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
    lua_settop(L, top);
    return NULL;
  }
  size_t n = 0;
  lua_pushnil(L);
  while (lua_next(L, -2) != 0) {
    n++;
    lua_pop(L, 1);
  }
  candidates = calloc(n + 1, sizeof(char *));
  size_t count = 0;
  const char *only_type = NULL;
  lua_pushnil(L);
  while (candidates != NULL && lua_next(L, -2) != 0) {
    char *c = strdup(lua_tostring(L, -2));
    if (c != NULL)
      candidates[count++] = c;
    only_type = lua_tostring(L, -1);
    lua_pop(L, 1);
  }
  /* a single function gets its "(" (as Python's REPL); lua_next may have stopped early */
  if (count == 1 && only_type != NULL && strcmp(only_type, "function") == 0)
    rl_completion_append_character = '(';
  lua_settop(L, top);
  char **matches = rl_completion_matches(text, candidate_generator);
  free(candidates);  /* the strings now belong to readline */
  candidates = NULL;
  return matches;
}

/* ---- reading lines ---- */

static void readline_setup(void) {
  rl_readline_name = "cove";  /* for $if cove in ~/.inputrc */
  rl_getc_function = repl_getc;
  rl_attempted_completion_function = repl_complete;
  /* '.' and ':' are part of the word, so "string.fo" and "s:up" complete as a whole */
  rl_completer_word_break_characters = " \t\n\"\\'`@$><=;|&{}()[],+-*/%^~#";
  history_open();
}

static const char *get_prompt(lua_State *L, int firstline) {
  if (lua_getglobal(L, firstline ? "_PROMPT" : "_PROMPT2") == LUA_TNIL)
    return firstline ? DEFAULT_PROMPT : DEFAULT_PROMPT2;
  const char *p = luaL_tolstring(L, -1, NULL);
  lua_remove(L, -2);
  return p;  /* stays on the stack until the line is read */
}

/* Reads a line of any length without readline; NULL at end of input. The line is
 * echoed after the prompt, as lua5.4 (readline) does on a pipe: transcripts then read
 * like a session, and the official suite's main.lua depends on it. */
static char *plain_read(const char *prompt) {
  fputs(prompt, stdout);
  fflush(stdout);
  char *line = NULL;
  size_t cap = 0;
  ssize_t len = getline(&line, &cap, stdin);
  if (len < 0) {
    free(line);
    return NULL;
  }
  fwrite(line, 1, (size_t)len, stdout);
  if (len == 0 || line[len - 1] != '\n')
    fputc('\n', stdout);
  fflush(stdout);
  return line;
}

/* Reads one line and pushes it. */
static int push_line(lua_State *L, int firstline) {
  const char *prompt = get_prompt(L, firstline);
  char *line;
  if (use_readline) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_prompt_sigint;  /* no SA_RESTART: the read must stop */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old);
    prompt_sigint = 0;
    line = readline(prompt);
    sigaction(SIGINT, &old, NULL);
    if (prompt_sigint) {
      free(line);
      lua_pop(L, 1);  /* the prompt */
      return LINE_CANCELLED;
    }
  } else {
    line = plain_read(prompt);
  }
  lua_pop(L, 1);  /* the prompt */
  if (line == NULL)
    return LINE_EOF;
  size_t len = strlen(line);
  if (len > 0 && line[len - 1] == '\n')
    line[--len] = '\0';
  history_add(line);
  if (firstline && line[0] == '=')  /* "=expr" is Lua 5.1's "return expr" */
    lua_pushfstring(L, "return %s", line + 1);
  else
    lua_pushlstring(L, line, len);
  free(line);
  return LINE_OK;
}

/* ---- evaluating ---- */

/* A syntax error ending in "<eof>" means the statement is incomplete. */
#define EOFMARK "<eof>"
#define MARKLEN (sizeof(EOFMARK) - 1)

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

/* Tries the line as "return <line>;" so that expressions print their values. */
static int add_return(lua_State *L) {
  const char *line = lua_tostring(L, -1);
  const char *retline = lua_pushfstring(L, "return %s;", line);
  int status = luaL_loadbuffer(L, retline, strlen(retline), "=stdin");
  if (status == LUA_OK)
    lua_remove(L, -2);  /* the modified line */
  else
    lua_pop(L, 2);  /* the error from luaL_loadbuffer and the modified line */
  return status;
}

/* Reads more lines while the statement is incomplete. */
static int multi_line(lua_State *L) {
  for (;;) {
    size_t len;
    const char *line = lua_tolstring(L, 1, &len);
    int status = luaL_loadbuffer(L, line, len, "=stdin");
    if (!incomplete(L, status))
      return status;
    int got = push_line(L, 0);
    if (got == LINE_CANCELLED)
      return STATUS_CANCELLED;
    if (got == LINE_EOF) {  /* report the incomplete statement, as lua5.4 */
      luaL_loadbuffer(L, line, len, "=stdin");
      return status;
    }
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);  /* old line, "\n", new line */
  }
}

/* Reads a statement and compiles it: its function on the top, or an error message, or
 * STATUS_EOF / STATUS_CANCELLED with nothing pushed. */
static int load_line(lua_State *L) {
  lua_settop(L, 0);
  int got = push_line(L, 1);
  if (got == LINE_EOF)
    return STATUS_EOF;
  if (got == LINE_CANCELLED)
    return STATUS_CANCELLED;
  int status = add_return(L);
  if (status != LUA_OK)
    status = multi_line(L);
  if (status == STATUS_CANCELLED) {
    lua_settop(L, 0);
    return status;
  }
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
      cli_message(cli_progname, lua_pushfstring(L, "error calling 'print' (%s)",
                                                lua_tostring(L, -1)));
  }
}

void repl_run(lua_State *L) {
  const char *oldprogname = cli_progname;
  cli_progname = NULL;  /* errors in the REPL are not prefixed */
  repl_L = L;
  use_readline = isatty(STDIN_FILENO);
  if (use_readline)
    readline_setup();
  int status;
  while ((status = load_line(L)) != STATUS_EOF) {
    if (status == STATUS_CANCELLED)
      continue;
    if (status == LUA_OK)
      status = cli_docall(L, 0, LUA_MULTRET);
    if (status == LUA_OK)
      print_results(L);
    else
      cli_report(L, status);
  }
  lua_settop(L, 0);
  lua_writeline();
  if (use_readline)
    history_close();
  cli_progname = oldprogname;
}
