/* Warnings (§4.6 lua_setwarnf/lua_warning, lauxlib's default system): a custom warning
 * function receives pieces with 'tocont'; luaL_newstate's default starts off and is
 * switched by "@on"/"@off" control messages, and errors in __gc become warnings. */
#include <unistd.h>

#include "capi_test.h"

TestSuite(warn, .init = capi_setup, .fini = capi_teardown);

static char warn_log[512];

static void log_warn(void *ud, const char *msg, int tocont) {
  strcat(warn_log, msg);
  strcat(warn_log, tocont ? "+" : "|");
  (*(int *)ud)++;
}

Test(warn, custom_warning_function_gets_pieces) {
  int calls = 0;
  warn_log[0] = 0;
  lua_setwarnf(L, log_warn, &calls);
  lua_warning(L, "part1 ", 1);
  lua_warning(L, "part2", 0);
  run("warn('from ', 'lua')");
  cr_assert_str_eq(warn_log, "part1 +part2|from +lua|");
  cr_assert_eq(calls, 4);
}

Test(warn, errors_in_finalizers_become_warnings) {
  int calls = 0;
  warn_log[0] = 0;
  lua_setwarnf(L, log_warn, &calls);
  run("setmetatable({}, {__gc = function() error('in gc') end}) collectgarbage() collectgarbage()");
  cr_assert_str_eq(warn_log, "error in +__gc+ (+[string \"setmetatable({}, {__gc = function() error('in...\"]:1: in gc+)|");
}

static int stderr_pipe[2];

Test(warn, default_system_obeys_on_and_off) {
  fflush(stderr);
  int saved = dup(2);
  cr_assert_eq(pipe(stderr_pipe), 0);
  dup2(stderr_pipe[1], 2);
  lua_warning(L, "hidden", 0);  /* off by default */
  lua_warning(L, "@on", 0);
  lua_warning(L, "shown ", 1);
  lua_warning(L, "continued", 0);
  lua_warning(L, "@off", 0);
  lua_warning(L, "hidden again", 0);
  fflush(stderr);
  dup2(saved, 2);
  close(stderr_pipe[1]);
  char buf[256] = {0};
  ssize_t n = read(stderr_pipe[0], buf, sizeof buf - 1);
  cr_assert(n > 0);
  cr_assert_str_eq(buf, "Lua warning: shown continued\n");
}

Test(warn, no_warning_function_means_silence) {
  lua_setwarnf(L, NULL, NULL);
  lua_warning(L, "@on", 0);
  lua_warning(L, "nothing", 0);
  run("warn('x')");
}
