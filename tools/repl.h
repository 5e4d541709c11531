/* What the `cove` command's two halves share: tools/cove.c (options, scripts, error
 * reports, Ctrl-C during a call) and tools/repl.c (the interactive loop: readline,
 * history, completion). Private to tools/; not a public header. */
#ifndef COVE_REPL_H
#define COVE_REPL_H

#include "lua.h"

/* Name used as the prefix of error messages; NULL inside the REPL (no prefix). */
extern const char *cli_progname;

/* Calls the function below the narg arguments with a traceback message handler and
 * Ctrl-C armed (it raises "interrupted!" at the next safe point). */
int cli_docall(lua_State *L, int narg, int nresults);

/* Prints the error on the top of the stack ("progname: msg") when status is an error. */
int cli_report(lua_State *L, int status);

/* Prints "pname: msg" (just "msg" when pname is NULL) on stderr. */
void cli_message(const char *pname, const char *msg);

/* Prints the version banner on stdout. */
void cli_print_version(void);

/* Runs the read-eval-print loop until end of input (Ctrl-D). Uses GNU readline,
 * persistent history and tab completion when stdin is a terminal, plain line input
 * (echoed after the prompt, as lua5.4) otherwise. */
void repl_run(lua_State *L);

#endif
