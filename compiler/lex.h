/* The lexer: turns Lua 5.4 source text into tokens for the parser (compiler/parse.c).
 * Works on an in-memory buffer; token text is kept in a growable GC buffer so that
 * error messages can quote it ("near '3x'") and huge literals work. Errors follow
 * lua5.4's wording and are raised through lex_error (LUA_ERRSYNTAX). */
#ifndef COVE_LEX_H
#define COVE_LEX_H

#include "../vm/state.h"

#define FIRST_RESERVED 257

/* Token codes: single-byte tokens are their own character; the rest follow (ORDER RESERVED). */
enum RESERVED {
  TK_AND = FIRST_RESERVED, TK_BREAK, TK_DO, TK_ELSE, TK_ELSEIF, TK_END, TK_FALSE, TK_FOR,
  TK_FUNCTION, TK_GOTO, TK_IF, TK_IN, TK_LOCAL, TK_NIL, TK_NOT, TK_OR, TK_REPEAT,
  TK_RETURN, TK_THEN, TK_TRUE, TK_UNTIL, TK_WHILE,
  /* other terminal symbols */
  TK_IDIV, TK_CONCAT, TK_DOTS, TK_EQ, TK_GE, TK_LE, TK_NE, TK_SHL, TK_SHR, TK_DBCOLON,
  TK_EOS, TK_FLT, TK_INT, TK_NAME, TK_STRING
};

#define NUM_RESERVED ((int)(TK_WHILE - FIRST_RESERVED + 1))

typedef struct Token {
  int token;
  union {
    double r;          /* TK_FLT */
    lua_Integer i;     /* TK_INT */
    String *ts;        /* TK_NAME, TK_STRING */
  } sem;
} Token;

typedef struct LexState {
  lua_State *L;
  const char *src;     /* source text and its length */
  size_t len;
  size_t pos;          /* index of the character after `current` */
  int current;         /* current character (EOF as -1) */
  int linenumber;      /* line of `current` */
  int lastline;        /* line of the last token consumed */
  Token t;             /* current token */
  Token ahead;         /* look-ahead token, valid when has_ahead */
  int has_ahead;
  char *buf;           /* token text buffer (GC heap, atomic) */
  size_t buflen;
  size_t bufsize;
  String *source;      /* chunk name as given to load */
  String **anchors;    /* every string the front end created (GC-visible: the tree is not) */
  size_t nanchors, anchorsize;
  String *anchorcache[64];
  String **longstrs;   /* long strings by content: equal literals share one object */
  size_t nlongstrs, longstrsize;
  char chunkid[LUA_IDSIZE];
} LexState;

/* Prepare `ls` to scan src[0..len). Reads no token yet: call lex_next. */
void lex_init(LexState *ls, lua_State *L, const char *src, size_t len, String *source);
/* Create a string and keep it alive for the whole compilation (the syntax tree lives
 * in pointer-free memory, so it cannot hold strings alive itself). */
String *lex_newstring(LexState *ls, const char *s, size_t len);
/* Advance to the next token (ls->t). */
void lex_next(LexState *ls);
/* Peek at the token after ls->t without consuming it; returns its code. */
int lex_lookahead(LexState *ls);
/* "'<token>'" text as lua5.4 prints it in messages (single chars, keywords, symbols). */
const char *lex_token2str(LexState *ls, int token, char *out, size_t outsize);
/* Raise "chunkid:line: msg near 'tok'" (token 0: no "near" part) at the current line. */
NORETURN void lex_error(LexState *ls, const char *msg, int token);
/* Raise a semantic error "chunkid:line: msg" (no "near") at `line`. */
NORETURN void lex_semerror(LexState *ls, const char *msg, int line);

#endif
