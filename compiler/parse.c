/* Recursive-descent parser for Lua 5.4, producing the tree of compiler/ast.h.
 * Grammar, operator priorities and error messages follow lua5.4's lparser.c. Names are
 * bound here (the scope rules are those of the grammar), so compiler/resolve.c only
 * has to turn bindings into registers, upvalues and constants. Nesting depth is
 * bounded like lua5.4's C-stack count, so "((((...": errors instead of crashing. */
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "../vm/call.h"
#include "../vm/gc.h"
#include "../vm/str.h"

#define MAXVARS 200
#define UNARY_PRIORITY 12

/* Per-function parser state: which declarations are visible. */
typedef struct PFunc {
  struct PFunc *prev;
  FuncNode *node;
  int first;      /* index of its first variable in Parser.actvar */
  int nactive;    /* visible variables (pending ones follow them in actvar) */
} PFunc;

typedef struct Parser {
  LexState *ls;
  Arena *arena;
  PFunc *fs;
  VarDecl **actvar;  /* declarations of all open functions, innermost last */
  int nactvar, actsize;
  int depth, maxdepth;
} Parser;

/* ---- arena ---- */

/* Nodes go into pointer-free chunks: the collector does not scan the tree (it would
 * dominate compile time on big sources). Chunks are kept alive by a scanned list;
 * strings the tree refers to are anchored by the lexer (lex_newstring). */
void *ast_alloc(Arena *a, size_t size) {
  size = (size + 15) & ~(size_t)15;
  if (a->chunk == NULL || a->used + size > a->size) {
    size_t csize = size > 16384 ? size : 16384;
    if (a->nchunks == a->chunksize) {
      int nsize = a->chunksize ? a->chunksize * 2 : 16;
      a->chunks = gc_realloc(a->L, a->chunks, sizeof(void *) * (size_t)a->chunksize, sizeof(void *) * (size_t)nsize);
      a->chunksize = nsize;
    }
    a->chunk = gc_alloc_atomic(a->L, csize);
    memset(a->chunk, 0, csize);
    a->chunks[a->nchunks++] = a->chunk;
    a->size = csize;
    a->used = 0;
  }
  void *p = a->chunk + a->used;
  a->used += size;
  return p;
}

#define NEW(P, T) ((T *)ast_alloc((P)->arena, sizeof(T)))

/* ---- errors and token helpers ---- */

static NORETURN void error_expected(Parser *P, int token) {
  char tok[64], msg[96];
  lex_token2str(P->ls, token, tok, sizeof tok);
  snprintf(msg, sizeof msg, "%s expected", tok);
  lex_error(P->ls, msg, P->ls->t.token);
}

static NORETURN void syntax_error(Parser *P, const char *msg) {
  lex_error(P->ls, msg, P->ls->t.token);
}

static int testnext(Parser *P, int c) {
  if (P->ls->t.token == c) {
    lex_next(P->ls);
    return 1;
  }
  return 0;
}

static void check(Parser *P, int c) {
  if (P->ls->t.token != c) error_expected(P, c);
}

static void checknext(Parser *P, int c) {
  check(P, c);
  lex_next(P->ls);
}

static void check_match(Parser *P, int what, int who, int where) {
  if (!testnext(P, what)) {
    if (where == P->ls->linenumber) {
      error_expected(P, what);
    } else {
      char a[64], b[64], msg[200];
      lex_token2str(P->ls, what, a, sizeof a);
      lex_token2str(P->ls, who, b, sizeof b);
      snprintf(msg, sizeof msg, "%s expected (to close %s at line %d)", a, b, where);
      syntax_error(P, msg);
    }
  }
}

static String *str_checkname(Parser *P) {
  check(P, TK_NAME);
  String *s = P->ls->t.sem.ts;
  lex_next(P->ls);
  return s;
}

/* Nesting is bounded like lua5.4's C-call count; past it, the error is a runtime
 * "C stack overflow" (no position, message handler runs), as lua5.4 raises it. */
static void enterlevel(Parser *P) {
  if (++P->depth >= P->maxdepth) {
    lua_State *L = P->ls->L;
    setsvalue(L->top, str_newz(L, "C stack overflow"));
    L->top++;
    vm_errorobj(L);
  }
}

#define leavelevel(P) ((P)->depth--)

static int block_follow(Parser *P, int withuntil) {
  switch (P->ls->t.token) {
    case TK_ELSE: case TK_ELSEIF: case TK_END: case TK_EOS: return 1;
    case TK_UNTIL: return withuntil;
    default: return 0;
  }
}

/* ---- scopes ---- */

static void limit_error(Parser *P, int limit, const char *what) {
  char msg[160];
  int line = P->fs->node->line;
  if (line == 0) snprintf(msg, sizeof msg, "too many %s (limit is %d) in main function", what, limit);
  else snprintf(msg, sizeof msg, "too many %s (limit is %d) in function at line %d", what, limit, line);
  syntax_error(P, msg);
}

/* Declare a pending (not yet visible) local. */
static VarDecl *new_localvar(Parser *P, String *name) {
  PFunc *fs = P->fs;
  if (P->nactvar + 1 - fs->first > MAXVARS) limit_error(P, MAXVARS, "local variables");
  if (P->nactvar == P->actsize) {
    int nsize = P->actsize ? P->actsize * 2 : 64;
    P->actvar = gc_realloc(P->ls->L, P->actvar, sizeof(VarDecl *) * (size_t)P->actsize,
                           sizeof(VarDecl *) * (size_t)nsize);
    P->actsize = nsize;
  }
  VarDecl *v = NEW(P, VarDecl);
  v->name = name;
  v->fn = fs->node;
  v->reg = -1;
  v->pidx = -1;
  P->actvar[P->nactvar++] = v;
  return v;
}

static VarDecl *new_localvar_lit(Parser *P, const char *name) {
  return new_localvar(P, lex_newstring(P->ls, name, strlen(name)));
}

/* Make the first `n` pending variables visible. */
static void adjustlocalvars(Parser *P, int n) {
  P->fs->nactive += n;
}

/* Drop variables declared after the scope that had `nactive` visible ones. */
static void removevars(Parser *P, int nactive) {
  P->fs->nactive = nactive;
  P->nactvar = P->fs->first + nactive;
}

static VarDecl *find_var(Parser *P, String *name) {
  for (PFunc *fs = P->fs; fs; fs = fs->prev) {
    for (int i = fs->first + fs->nactive - 1; i >= fs->first; i--) {
      if (P->actvar[i]->name == name || str_eq(P->actvar[i]->name, name)) return P->actvar[i];
    }
  }
  return NULL;
}

/* ---- expressions ---- */

static Expr *new_expr(Parser *P, int kind, int line) {
  Expr *e = NEW(P, Expr);
  e->kind = (uint8_t)kind;
  e->line = line;
  return e;
}

static Expr *expr(Parser *P);
static Expr *subexpr(Parser *P, int limit, BinOp *untreated);
static void statlist(Parser *P, Block *b);
static FuncNode *body(Parser *P, int ismethod, int line);

static Expr *singlevar(Parser *P, String *name, int line) {
  Expr *e = new_expr(P, EX_NAME, line);
  e->u.name.name = name;
  e->u.name.fn = P->fs->node;
  e->u.name.decl = find_var(P, name);
  if (e->u.name.decl == NULL) {
    static const char envname[] = "_ENV";
    e->u.name.env = find_var(P, lex_newstring(P->ls, envname, 4));
  }
  return e;
}

static Expr *str_expr(Parser *P, String *s, int line) {
  Expr *e = new_expr(P, EX_STR, line);
  e->u.sval = s;
  return e;
}

/* explist -> expr { ',' expr }; returns the first, count in *n */
static Expr *explist(Parser *P, int *n) {
  Expr *first = expr(P), *last = first;
  *n = 1;
  while (testnext(P, ',')) {
    last->next = expr(P);
    last = last->next;
    (*n)++;
  }
  return first;
}

static Expr *constructor(Parser *P) {
  int line = P->ls->linenumber;
  /* NEWTABLE gets the line of the token before '{' (lua5.4 emits it before reading on) */
  Expr *t = new_expr(P, EX_TABLE, P->ls->lastline);
  TField *last = NULL;
  checknext(P, '{');
  do {
    if (P->ls->t.token == '}') break;
    TField *f = NEW(P, TField);
    f->line = P->ls->linenumber;
    if (P->ls->t.token == TK_NAME && lex_lookahead(P->ls) == '=') {
      int kline = P->ls->linenumber;
      String *name = str_checkname(P);
      f->key = str_expr(P, name, kline);
      checknext(P, '=');
      f->val = expr(P);
      t->u.table.nhash++;
    } else if (P->ls->t.token == '[') {
      lex_next(P->ls);
      f->key = expr(P);
      checknext(P, ']');
      checknext(P, '=');
      f->val = expr(P);
      t->u.table.nhash++;
    } else {
      f->val = expr(P);
      t->u.table.narray++;
    }
    f->endline = P->ls->lastline;
    if (last) last->next = f;
    else t->u.table.fields = f;
    last = f;
  } while (testnext(P, ',') || testnext(P, ';'));
  check_match(P, '}', '{', line);
  return t;
}

static Expr *funcargs(Parser *P, Expr *fn, String *method, int line) {
  Expr *call = new_expr(P, EX_CALL, line);
  call->u.call.fn = fn;
  call->u.call.method = method;
  switch (P->ls->t.token) {
    case '(': {
      lex_next(P->ls);
      if (P->ls->t.token != ')') call->u.call.args = explist(P, &call->u.call.nargs);
      check_match(P, ')', '(', line);
      break;
    }
    case '{':
      call->u.call.args = constructor(P);
      call->u.call.nargs = 1;
      break;
    case TK_STRING:
      call->u.call.args = str_expr(P, P->ls->t.sem.ts, P->ls->linenumber);
      call->u.call.nargs = 1;
      lex_next(P->ls);
      break;
    default:
      syntax_error(P, "function arguments expected");
  }
  call->u.call.closeline = P->ls->lastline;
  return call;
}

static Expr *primaryexp(Parser *P) {
  switch (P->ls->t.token) {
    case '(': {
      int line = P->ls->linenumber;
      lex_next(P->ls);
      Expr *e = new_expr(P, EX_PAREN, line);
      e->u.paren.inner = expr(P);
      check_match(P, ')', '(', line);
      e->line = P->ls->lastline;
      return e;
    }
    case TK_NAME: {
      int line = P->ls->linenumber;
      return singlevar(P, str_checkname(P), line);
    }
    default:
      syntax_error(P, "unexpected symbol");
  }
}

static Expr *suffixedexp(Parser *P) {
  int line = P->ls->linenumber;
  Expr *e = primaryexp(P);
  for (;;) {
    switch (P->ls->t.token) {
      case '.': {
        lex_next(P->ls);
        int kline = P->ls->linenumber;
        Expr *ix = new_expr(P, EX_INDEX, kline);
        ix->u.index.obj = e;
        ix->u.index.key = str_expr(P, str_checkname(P), kline);
        e = ix;
        break;
      }
      case '[': {
        lex_next(P->ls);
        Expr *ix = new_expr(P, EX_INDEX, 0);
        ix->u.index.obj = e;
        ix->u.index.key = expr(P);
        checknext(P, ']');
        ix->line = P->ls->lastline;
        e = ix;
        break;
      }
      case ':': {
        lex_next(P->ls);
        int mline = P->ls->linenumber;
        String *name = str_checkname(P);
        e = funcargs(P, e, name, line);
        e->u.call.mline = mline;
        break;
      }
      case '(': case TK_STRING: case '{':
        e = funcargs(P, e, NULL, line);
        break;
      default:
        return e;
    }
  }
}

static Expr *simpleexp(Parser *P) {
  LexState *ls = P->ls;
  int line = ls->linenumber;
  Expr *e;
  switch (ls->t.token) {
    case TK_FLT: e = new_expr(P, EX_FLT, line); e->u.nval = ls->t.sem.r; break;
    case TK_INT: e = new_expr(P, EX_INT, line); e->u.ival = ls->t.sem.i; break;
    case TK_STRING: e = str_expr(P, ls->t.sem.ts, line); break;
    case TK_NIL: e = new_expr(P, EX_NIL, line); break;
    case TK_TRUE: e = new_expr(P, EX_TRUE, line); break;
    case TK_FALSE: e = new_expr(P, EX_FALSE, line); break;
    case TK_DOTS:
      if (!P->fs->node->is_vararg) syntax_error(P, "cannot use '...' outside a vararg function");
      e = new_expr(P, EX_VARARG, ls->lastline);  /* lua5.4 emits VARARG before reading on */
      break;
    case '{':
      return constructor(P);
    case TK_FUNCTION: {
      lex_next(ls);
      e = new_expr(P, EX_FUNC, line);
      e->u.func.f = body(P, 0, line);
      e->line = e->u.func.f->lastline;
      return e;
    }
    default:
      return suffixedexp(P);
  }
  lex_next(ls);
  return e;
}

static UnOp getunopr(int op) {
  switch (op) {
    case TK_NOT: return UN_NOT;
    case '-': return UN_MINUS;
    case '~': return UN_BNOT;
    case '#': return UN_LEN;
    default: return UN_NONE;
  }
}

static BinOp getbinopr(int op) {
  switch (op) {
    case '+': return BIN_ADD;
    case '-': return BIN_SUB;
    case '*': return BIN_MUL;
    case '%': return BIN_MOD;
    case '^': return BIN_POW;
    case '/': return BIN_DIV;
    case TK_IDIV: return BIN_IDIV;
    case '&': return BIN_BAND;
    case '|': return BIN_BOR;
    case '~': return BIN_BXOR;
    case TK_SHL: return BIN_SHL;
    case TK_SHR: return BIN_SHR;
    case TK_CONCAT: return BIN_CONCAT;
    case TK_NE: return BIN_NE;
    case TK_EQ: return BIN_EQ;
    case '<': return BIN_LT;
    case TK_LE: return BIN_LE;
    case '>': return BIN_GT;
    case TK_GE: return BIN_GE;
    case TK_AND: return BIN_AND;
    case TK_OR: return BIN_OR;
    default: return BIN_NONE;
  }
}

static const struct { uint8_t left, right; } priority[] = {
  {10, 10}, {10, 10},          /* + - */
  {11, 11}, {11, 11},          /* * % */
  {14, 13},                    /* ^ (right associative) */
  {11, 11}, {11, 11},          /* / // */
  {6, 6}, {4, 4}, {5, 5},      /* & | ~ */
  {7, 7}, {7, 7},              /* << >> */
  {9, 8},                      /* .. (right associative) */
  {3, 3}, {3, 3}, {3, 3},      /* == < <= */
  {3, 3}, {3, 3}, {3, 3},      /* ~= > >= */
  {2, 2}, {1, 1}               /* and or */
};

static Expr *subexpr(Parser *P, int limit, BinOp *untreated) {
  Expr *e;
  enterlevel(P);
  UnOp uop = getunopr(P->ls->t.token);
  if (uop != UN_NONE) {
    int line = P->ls->linenumber;
    lex_next(P->ls);
    e = new_expr(P, EX_UN, line);
    e->op = (uint8_t)uop;
    e->u.un.operand = subexpr(P, UNARY_PRIORITY, NULL);
  } else {
    e = simpleexp(P);
  }
  BinOp op = getbinopr(P->ls->t.token);
  while (op != BIN_NONE && priority[op].left > limit) {
    int line = P->ls->linenumber;
    BinOp nextop;
    lex_next(P->ls);
    Expr *b = new_expr(P, EX_BIN, line);
    b->op = (uint8_t)op;
    b->u.bin.left = e;
    b->u.bin.right = subexpr(P, priority[op].right, &nextop);
    e = b;
    op = nextop;
  }
  leavelevel(P);
  if (untreated) *untreated = op;
  return e;
}

static Expr *expr(Parser *P) {
  return subexpr(P, 0, NULL);
}

/* ---- statements ---- */

static Stat *new_stat(Parser *P, int kind, int line) {
  Stat *s = NEW(P, Stat);
  s->kind = (uint8_t)kind;
  s->line = line;
  return s;
}

static void block(Parser *P, Block *b) {
  int nactive = P->fs->nactive;
  statlist(P, b);
  removevars(P, nactive);
}

/* Assigning to a const or to-be-closed variable is an error at parse time (lua5.4's
 * check_readonly), reported at the current line without "near". */
static void check_readonly(Parser *P, Expr *e) {
  if (e->kind == EX_NAME && e->u.name.decl && e->u.name.decl->attrib != VAR_REG) {
    char msg[120];
    snprintf(msg, sizeof msg, "attempt to assign to const variable '%s'", getstr(e->u.name.decl->name));
    lex_semerror(P->ls, msg, P->ls->linenumber);
  }
}

static int is_var(Expr *e) {
  return e->kind == EX_NAME || e->kind == EX_INDEX;
}

static Stat *exprstat(Parser *P) {
  int line = P->ls->linenumber;
  Expr *e = suffixedexp(P);
  if (P->ls->t.token == '=' || P->ls->t.token == ',') {
    Stat *s = new_stat(P, ST_ASSIGN, line);
    Expr *last = e;
    int n = 1;
    int depth = P->depth;
    for (;;) {
      if (!is_var(last)) syntax_error(P, "syntax error");
      check_readonly(P, last);
      if (!testnext(P, ',')) break;
      last->next = suffixedexp(P);
      last = last->next;
      n++;
      enterlevel(P);  /* lua5.4 recurses once per target: same limit */
    }
    P->depth = depth;
    checknext(P, '=');
    s->u.assign.targets = e;
    s->u.assign.ntargets = n;
    s->u.assign.exprs = explist(P, &s->u.assign.nexprs);
    s->line = P->ls->lastline;
    return s;
  }
  if (e->kind != EX_CALL) syntax_error(P, "syntax error");
  Stat *s = new_stat(P, ST_EXPR, line);
  s->u.expr.e = e;
  return s;
}

static Expr *cond(Parser *P) {
  return expr(P);
}

static Stat *whilestat(Parser *P, int line) {
  Stat *s = new_stat(P, ST_WHILE, line);
  lex_next(P->ls);
  s->u.loop.cond = cond(P);
  checknext(P, TK_DO);
  block(P, &s->u.loop.body);
  check_match(P, TK_END, TK_WHILE, line);
  return s;
}

static Stat *repeatstat(Parser *P, int line) {
  Stat *s = new_stat(P, ST_REPEAT, line);
  lex_next(P->ls);
  int nactive = P->fs->nactive;
  statlist(P, &s->u.loop.body);  /* the condition sees the body's locals */
  check_match(P, TK_UNTIL, TK_REPEAT, line);
  s->u.loop.cond = cond(P);
  removevars(P, nactive);
  return s;
}

static Stat *fornum(Parser *P, String *varname, int line) {
  Stat *s = new_stat(P, ST_FORNUM, line);
  int nactive = P->fs->nactive;
  new_localvar_lit(P, "(for state)");
  new_localvar_lit(P, "(for state)");
  new_localvar_lit(P, "(for state)");
  s->u.fornum.var = new_localvar(P, varname);
  checknext(P, '=');
  s->u.fornum.start = expr(P);
  checknext(P, ',');
  s->u.fornum.limit = expr(P);
  if (testnext(P, ',')) s->u.fornum.step = expr(P);
  checknext(P, TK_DO);
  s->u.fornum.doline = P->ls->lastline;
  adjustlocalvars(P, 4);
  block(P, &s->u.fornum.body);
  removevars(P, nactive);
  return s;
}

static Stat *forlist(Parser *P, String *first) {
  Stat *s = new_stat(P, ST_FORIN, 0);
  int nactive = P->fs->nactive;
  new_localvar_lit(P, "(for state)");
  new_localvar_lit(P, "(for state)");
  new_localvar_lit(P, "(for state)");
  new_localvar_lit(P, "(for state)");
  VarDecl *last = new_localvar(P, first);
  s->u.forin.vars = last;
  s->u.forin.nvars = 1;
  while (testnext(P, ',')) {
    last->next = new_localvar(P, str_checkname(P));
    last = last->next;
    s->u.forin.nvars++;
  }
  checknext(P, TK_IN);
  s->line = P->ls->linenumber;
  s->u.forin.exprs = explist(P, &s->u.forin.nexprs);
  checknext(P, TK_DO);
  s->u.forin.doline = P->ls->lastline;
  adjustlocalvars(P, 4 + s->u.forin.nvars);
  block(P, &s->u.forin.body);
  removevars(P, nactive);
  return s;
}

static Stat *forstat(Parser *P, int line) {
  Stat *s;
  lex_next(P->ls);
  String *varname = str_checkname(P);
  switch (P->ls->t.token) {
    case '=': s = fornum(P, varname, line); break;
    case ',': case TK_IN: s = forlist(P, varname); break;
    default: syntax_error(P, "'=' or 'in' expected");
  }
  check_match(P, TK_END, TK_FOR, line);
  return s;
}

static Stat *ifstat(Parser *P, int line) {
  Stat *s = new_stat(P, ST_IF, line);
  IfArm *last = NULL;
  do {
    IfArm *arm = NEW(P, IfArm);
    arm->line = P->ls->linenumber;
    lex_next(P->ls);  /* skip 'if' / 'elseif' */
    arm->cond = cond(P);
    checknext(P, TK_THEN);
    arm->thenline = P->ls->lastline;
    block(P, &arm->body);
    if (last) last->next = arm;
    else s->u.ifs.arms = arm;
    last = arm;
  } while (P->ls->t.token == TK_ELSEIF);
  if (P->ls->t.token == TK_ELSE) {
    IfArm *arm = NEW(P, IfArm);
    arm->line = P->ls->linenumber;
    lex_next(P->ls);
    block(P, &arm->body);
    last->next = arm;
  }
  check_match(P, TK_END, TK_IF, line);
  return s;
}

static int getlocalattribute(Parser *P) {
  if (testnext(P, '<')) {
    String *attr = str_checkname(P);
    checknext(P, '>');
    if (strcmp(getstr(attr), "const") == 0) return VAR_CONST;
    if (strcmp(getstr(attr), "close") == 0) return VAR_CLOSE;
    char msg[120];
    snprintf(msg, sizeof msg, "unknown attribute '%s'", getstr(attr));
    lex_semerror(P->ls, msg, P->ls->linenumber);
  }
  return VAR_REG;
}

static Stat *localstat(Parser *P, int line) {
  Stat *s = new_stat(P, ST_LOCAL, line);
  VarDecl *last = NULL;
  int nvars = 0, ntbc = 0;
  do {
    VarDecl *v = new_localvar(P, str_checkname(P));
    v->attrib = (uint8_t)getlocalattribute(P);
    if (v->attrib == VAR_CLOSE && ++ntbc > 1)
      lex_semerror(P->ls, "multiple to-be-closed variables in local list", P->ls->linenumber);
    if (last) last->next = v;
    else s->u.local.vars = v;
    last = v;
    nvars++;
  } while (testnext(P, ','));
  s->u.local.nvars = nvars;
  if (testnext(P, '=')) s->u.local.exprs = explist(P, &s->u.local.nexprs);
  s->line = P->ls->lastline;
  adjustlocalvars(P, nvars);
  return s;
}

static Stat *localfunc(Parser *P, int line) {
  Stat *s = new_stat(P, ST_LOCALFUNC, line);
  s->u.localfunc.var = new_localvar(P, str_checkname(P));
  adjustlocalvars(P, 1);  /* visible inside its own body */
  s->u.localfunc.f = body(P, 0, line);
  return s;
}

static Stat *funcstat(Parser *P, int line) {
  Stat *s = new_stat(P, ST_FUNCTION, line);
  lex_next(P->ls);
  int nline = P->ls->linenumber;
  Expr *target = singlevar(P, str_checkname(P), nline);
  int ismethod = 0;
  while (P->ls->t.token == '.' || P->ls->t.token == ':') {
    int is_colon = P->ls->t.token == ':';
    lex_next(P->ls);
    int kline = P->ls->linenumber;
    Expr *ix = new_expr(P, EX_INDEX, kline);
    ix->u.index.obj = target;
    ix->u.index.key = str_expr(P, str_checkname(P), kline);
    target = ix;
    if (is_colon) {
      ismethod = 1;
      break;
    }
  }
  s->u.func.target = target;
  s->u.func.f = body(P, ismethod, line);
  check_readonly(P, target);
  s->line = line;
  return s;
}

static Stat *retstat(Parser *P, int line) {
  Stat *s = new_stat(P, ST_RETURN, line);
  if (!block_follow(P, 1) && P->ls->t.token != ';')
    s->u.ret.exprs = explist(P, &s->u.ret.nexprs);
  s->line = P->ls->lastline;
  testnext(P, ';');
  return s;
}

static Stat *statement(Parser *P);

static Stat *labelstat(Parser *P, String *name, int line) {
  Stat *s = new_stat(P, ST_LABEL, line);
  s->u.label.name = name;
  checknext(P, TK_DBCOLON);
  /* lua5.4 skips other no-op statements before deciding whether the label is last */
  Stat *last = s;
  while (P->ls->t.token == ';' || P->ls->t.token == TK_DBCOLON) {
    Stat *st = statement(P);
    if (st) {
      last->next = st;
      while (last->next) last = last->next;
    }
  }
  s->u.label.is_last = (uint8_t)block_follow(P, 0);
  s->u.label.errline = P->ls->linenumber;
  return s;
}

/* Returns the statement (possibly a chain when a label swallowed following labels),
 * or NULL for an empty statement. */
static Stat *statement(Parser *P) {
  LexState *ls = P->ls;
  int line = ls->linenumber;
  Stat *s = NULL;
  enterlevel(P);
  switch (ls->t.token) {
    case ';':
      lex_next(ls);
      break;
    case TK_IF: s = ifstat(P, line); break;
    case TK_WHILE: s = whilestat(P, line); break;
    case TK_DO: {
      lex_next(ls);
      s = new_stat(P, ST_DO, line);
      block(P, &s->u.block.body);
      check_match(P, TK_END, TK_DO, line);
      break;
    }
    case TK_FOR: s = forstat(P, line); break;
    case TK_REPEAT: s = repeatstat(P, line); break;
    case TK_FUNCTION: s = funcstat(P, line); break;
    case TK_LOCAL:
      lex_next(ls);
      if (testnext(P, TK_FUNCTION)) s = localfunc(P, line);
      else s = localstat(P, line);
      break;
    case TK_DBCOLON: {
      lex_next(ls);
      String *name = str_checkname(P);
      s = labelstat(P, name, line);
      break;
    }
    case TK_RETURN:
      lex_next(ls);
      s = retstat(P, line);
      break;
    case TK_BREAK:
      lex_next(ls);
      s = new_stat(P, ST_BREAK, line);
      break;
    case TK_GOTO:
      lex_next(ls);
      s = new_stat(P, ST_GOTO, line);
      s->u.jump.name = str_checkname(P);
      break;
    default:
      s = exprstat(P);
      break;
  }
  leavelevel(P);
  return s;
}

static void statlist(Parser *P, Block *b) {
  Stat *last = NULL;
  while (!block_follow(P, 1)) {
    int is_return = P->ls->t.token == TK_RETURN;
    Stat *s = statement(P);
    if (s) {
      if (last) last->next = s;
      else b->first = s;
      last = s;
      while (last->next) last = last->next;
    }
    if (is_return) break;  /* 'return' must be the last statement */
  }
  b->endline = P->ls->linenumber;
}

/* ---- functions ---- */

static void open_func(Parser *P, PFunc *fs, FuncNode *f) {
  fs->prev = P->fs;
  fs->node = f;
  fs->first = P->nactvar;
  fs->nactive = 0;
  f->parent = P->fs ? P->fs->node : NULL;
  P->fs = fs;
}

static void close_func(Parser *P) {
  P->nactvar = P->fs->first;
  P->fs = P->fs->prev;
}

static void parlist(Parser *P, FuncNode *f, VarDecl **tail) {
  int n = 0;
  if (P->ls->t.token != ')') {
    do {
      switch (P->ls->t.token) {
        case TK_NAME: {
          VarDecl *v = new_localvar(P, str_checkname(P));
          *tail = v;
          tail = &v->next;
          n++;
          break;
        }
        case TK_DOTS:
          lex_next(P->ls);
          f->is_vararg = 1;
          break;
        default:
          syntax_error(P, "<name> or '...' expected");
      }
    } while (!f->is_vararg && testnext(P, ','));
  }
  f->nparams += n;
  adjustlocalvars(P, n);
}

static FuncNode *body(Parser *P, int ismethod, int line) {
  FuncNode *f = NEW(P, FuncNode);
  PFunc fs;
  f->line = line;
  f->is_method = (uint8_t)ismethod;
  open_func(P, &fs, f);
  checknext(P, '(');
  VarDecl **tail = &f->params;
  if (ismethod) {
    f->params = new_localvar_lit(P, "self");
    f->nparams = 1;
    adjustlocalvars(P, 1);
    tail = &f->params->next;
  }
  parlist(P, f, tail);
  checknext(P, ')');
  statlist(P, &f->body);
  f->lastline = P->ls->linenumber;
  check_match(P, TK_END, TK_FUNCTION, line);
  f->endline = P->ls->linenumber;
  f->retline = P->ls->lastline;
  close_func(P);
  return f;
}

FuncNode *parse_chunk(LexState *ls, Arena *arena) {
  Parser P;
  PFunc fs;
  memset(&P, 0, sizeof P);
  P.ls = ls;
  P.arena = arena;
  int base = (int)(ls->L->nCcalls & 0xFFFF);
  if (base > LUAI_MAXCCALLS - 50) base = LUAI_MAXCCALLS - 50;
  P.depth = base;
  P.maxdepth = LUAI_MAXCCALLS;
  FuncNode *f = NEW(&P, FuncNode);
  f->is_vararg = 1;
  open_func(&P, &fs, f);
  lex_next(ls);
  statlist(&P, &f->body);
  check(&P, TK_EOS);
  f->lastline = 0;
  f->endline = ls->linenumber;
  f->retline = ls->lastline;
  close_func(&P);
  return f;
}
