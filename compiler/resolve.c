/* Scope resolution, constant propagation of <const> locals, folding and label marking
 * (see resolve.h). Walks the tree in source order, which is the order in which
 * lua5.4's single-pass compiler meets names, so upvalue indices come out the same. */
#include <stdio.h>
#include <string.h>

#include "resolve.h"
#include "fold.h"
#include "../vm/str.h"

#define MAXUPVAL 255

typedef struct LabelRef {
  Stat *label;
  FuncNode *fn;
} LabelRef;

typedef struct Resolver {
  LexState *ls;
  Arena *arena;
  FuncNode *fn;        /* function being resolved */
  VarDecl *main_env;   /* pseudo-declaration of the main chunk's _ENV upvalue */
  LabelRef *labels;    /* visible labels (all open blocks of all open functions) */
  int nlabels, labelsize;
} Resolver;

static void resolve_block(Resolver *R, Block *b);
static void resolve_expr(Resolver *R, Expr *e);
static void resolve_func(Resolver *R, FuncNode *f);

static int find_upval(Resolver *R, FuncNode *fn, VarDecl *decl) {
  for (int i = 0; i < fn->nupvals; i++)
    if (fn->upvals[i].decl == decl) return i;
  UpvalInfo info;
  info.name = decl->name;
  info.decl = decl;
  info.kind = decl->attrib;
  if (decl->fn == fn->parent) {
    info.instack = 1;
    info.idx = 0;
    decl->captured = 1;
    fn->parent->needclose = 1;
  } else {
    info.instack = 0;
    info.idx = find_upval(R, fn->parent, decl);
  }
  if (fn->nupvals >= MAXUPVAL) {
    char msg[120];
    if (fn->line == 0) snprintf(msg, sizeof msg, "too many upvalues (limit is %d) in main function", MAXUPVAL);
    else snprintf(msg, sizeof msg, "too many upvalues (limit is %d) in function at line %d", MAXUPVAL, fn->line);
    lex_semerror(R->ls, msg, fn->lastline ? fn->lastline : R->ls->linenumber);
  }
  if (fn->nupvals == fn->upvalsize) {
    int nsize = fn->upvalsize ? fn->upvalsize * 2 : 8;
    UpvalInfo *nu = ast_alloc(R->arena, sizeof(UpvalInfo) * (size_t)nsize);
    for (int i = 0; i < fn->nupvals; i++) nu[i] = fn->upvals[i];
    fn->upvals = nu;
    fn->upvalsize = nsize;
  }
  fn->upvals[fn->nupvals] = info;
  return fn->nupvals++;
}

/* Point a name node at decl as seen from the current function. */
static void bind_name(Resolver *R, Expr *e, VarDecl *decl) {
  if (decl->fn == R->fn) {
    e->u.name.kind = NAME_LOCAL;
    e->u.name.decl = decl;
  } else {
    e->u.name.kind = NAME_UPVAL;
    e->u.name.decl = decl;
    e->u.name.idx = find_upval(R, R->fn, decl);
  }
}

static void copy_const(Expr *e, const Expr *c) {
  int line = e->line;
  Expr *next = e->next;
  *e = *c;
  e->line = line;
  e->next = next;
}

static void resolve_name(Resolver *R, Expr *e) {
  VarDecl *decl = e->u.name.decl;
  if (decl) {
    if (decl->attrib == VAR_CTC) copy_const(e, decl->ctc);
    else bind_name(R, e, decl);
    return;
  }
  String *name = e->u.name.name;
  if (str_eq(name, R->main_env->name)) {  /* _ENV itself, with no local _ENV in scope */
    bind_name(R, e, R->main_env);
    return;
  }
  /* global: rewrite as _ENV[name] */
  VarDecl *env = e->u.name.env ? e->u.name.env : R->main_env;
  Expr *envx = ast_alloc(R->arena, sizeof(Expr));
  Expr *key = ast_alloc(R->arena, sizeof(Expr));
  envx->kind = EX_NAME;
  envx->line = e->line;
  envx->u.name.name = env->name;
  if (env->attrib == VAR_CTC) copy_const(envx, env->ctc);
  else bind_name(R, envx, env);
  key->kind = EX_STR;
  key->line = e->line;
  key->u.sval = name;
  e->kind = EX_INDEX;
  e->u.index.obj = envx;
  e->u.index.key = key;
}

static void resolve_list(Resolver *R, Expr *e) {
  for (; e; e = e->next) resolve_expr(R, e);
}

/* Chains built by the parser's loops (a + b + c ..., a.b.c ..., f()() ...) are walked
 * iteratively: their length is unbounded, unlike the parser's recursion depth. */
static int is_chain(const Expr *e) {
  return e->kind == EX_BIN || e->kind == EX_INDEX || e->kind == EX_CALL;
}

static Expr *chain_child(Expr *e) {
  switch (e->kind) {
    case EX_BIN: return e->u.bin.left;
    case EX_INDEX: return e->u.index.obj;
    default: return e->u.call.fn;
  }
}

static void resolve_chain(Resolver *R, Expr *e) {
  Expr *small[32];
  Expr **stack = small;
  int n = 0, size = 32;
  for (; is_chain(e); e = chain_child(e)) {
    if (n == size) {
      Expr **bigger = ast_alloc(R->arena, sizeof(Expr *) * (size_t)size * 2);
      memcpy(bigger, stack, sizeof(Expr *) * (size_t)n);
      stack = bigger;
      size *= 2;
    }
    stack[n++] = e;
  }
  resolve_expr(R, e);
  while (n > 0) {
    Expr *node = stack[--n];
    switch (node->kind) {
      case EX_BIN:
        resolve_expr(R, node->u.bin.right);
        fold_expr(node);
        break;
      case EX_INDEX:
        resolve_expr(R, node->u.index.key);
        break;
      default:
        resolve_list(R, node->u.call.args);
        break;
    }
  }
}

static void resolve_expr(Resolver *R, Expr *e) {
  if (is_chain(e)) {
    resolve_chain(R, e);
    return;
  }
  switch (e->kind) {
    case EX_NAME:
      resolve_name(R, e);
      break;
    case EX_UN:
      resolve_expr(R, e->u.un.operand);
      fold_expr(e);
      break;
    case EX_PAREN:
      resolve_expr(R, e->u.paren.inner);
      fold_expr(e);
      break;
    case EX_FUNC:
      resolve_func(R, e->u.func.f);
      break;
    case EX_TABLE:
      for (TField *f = e->u.table.fields; f; f = f->next) {
        if (f->key) resolve_expr(R, f->key);
        resolve_expr(R, f->val);
      }
      break;
    default:
      break;
  }
}

static void push_label(Resolver *R, Stat *s) {
  if (R->nlabels == R->labelsize) {
    int nsize = R->labelsize ? R->labelsize * 2 : 16;
    LabelRef *nl = ast_alloc(R->arena, sizeof(LabelRef) * (size_t)nsize);
    for (int i = 0; i < R->nlabels; i++) nl[i] = R->labels[i];
    R->labels = nl;
    R->labelsize = nsize;
  }
  R->labels[R->nlabels].label = s;
  R->labels[R->nlabels].fn = R->fn;
  R->nlabels++;
}

/* A goto whose label is already visible jumps backward: that label heads a loop. */
static void mark_backward(Resolver *R, String *name) {
  for (int i = R->nlabels - 1; i >= 0 && R->labels[i].fn == R->fn; i--) {
    if (str_eq(R->labels[i].label->u.label.name, name)) {
      R->labels[i].label->u.label.is_loop = 1;
      return;
    }
  }
}

static void resolve_stat(Resolver *R, Stat *s) {
  switch (s->kind) {
    case ST_EXPR:
      resolve_expr(R, s->u.expr.e);
      break;
    case ST_LOCAL: {
      resolve_list(R, s->u.local.exprs);
      VarDecl *last = NULL;
      Expr *lastexp = NULL;
      for (VarDecl *v = s->u.local.vars; v; v = v->next) {
        last = v;
        if (v->attrib == VAR_CLOSE) R->fn->needclose = 1;
      }
      for (Expr *e = s->u.local.exprs; e; e = e->next) lastexp = e;
      if (s->u.local.nvars == s->u.local.nexprs && last->attrib == VAR_CONST && ex_isconst(lastexp)) {
        last->attrib = VAR_CTC;
        last->ctc = lastexp;
      }
      break;
    }
    case ST_ASSIGN:
      resolve_list(R, s->u.assign.targets);
      resolve_list(R, s->u.assign.exprs);
      break;
    case ST_DO:
      resolve_block(R, &s->u.block.body);
      break;
    case ST_WHILE:
      resolve_expr(R, s->u.loop.cond);
      resolve_block(R, &s->u.loop.body);
      break;
    case ST_REPEAT: {
      int nlabels = R->nlabels;
      for (Stat *t = s->u.loop.body.first; t; t = t->next) resolve_stat(R, t);
      resolve_expr(R, s->u.loop.cond);
      R->nlabels = nlabels;
      break;
    }
    case ST_IF:
      for (IfArm *a = s->u.ifs.arms; a; a = a->next) {
        if (a->cond) resolve_expr(R, a->cond);
        resolve_block(R, &a->body);
      }
      break;
    case ST_FORNUM:
      resolve_expr(R, s->u.fornum.start);
      resolve_expr(R, s->u.fornum.limit);
      if (s->u.fornum.step) resolve_expr(R, s->u.fornum.step);
      resolve_block(R, &s->u.fornum.body);
      break;
    case ST_FORIN:
      resolve_list(R, s->u.forin.exprs);
      resolve_block(R, &s->u.forin.body);
      break;
    case ST_FUNCTION:
      resolve_expr(R, s->u.func.target);
      resolve_func(R, s->u.func.f);
      break;
    case ST_LOCALFUNC:
      resolve_func(R, s->u.localfunc.f);
      break;
    case ST_RETURN:
      resolve_list(R, s->u.ret.exprs);
      break;
    case ST_LABEL:
      push_label(R, s);
      break;
    case ST_GOTO:
      mark_backward(R, s->u.jump.name);
      break;
    default:
      break;
  }
}

static void resolve_block(Resolver *R, Block *b) {
  int nlabels = R->nlabels;
  for (Stat *s = b->first; s; s = s->next) resolve_stat(R, s);
  R->nlabels = nlabels;
}

static void resolve_func(Resolver *R, FuncNode *f) {
  FuncNode *saved = R->fn;
  R->fn = f;
  resolve_block(R, &f->body);
  R->fn = saved;
}

void resolve_chunk(LexState *ls, Arena *arena, FuncNode *main) {
  Resolver R;
  R.ls = ls;
  R.arena = arena;
  R.fn = NULL;
  R.labels = NULL;
  R.nlabels = R.labelsize = 0;
  R.main_env = ast_alloc(arena, sizeof(VarDecl));
  R.main_env->name = lex_newstring(ls, "_ENV", 4);
  R.main_env->fn = NULL;
  R.main_env->attrib = VAR_REG;
  /* the main chunk's only predeclared upvalue: _ENV, in the loader's stack slot 0 */
  main->upvals = ast_alloc(arena, sizeof(UpvalInfo) * 8);
  main->upvalsize = 8;
  main->nupvals = 1;
  main->upvals[0].name = R.main_env->name;
  main->upvals[0].instack = 1;
  main->upvals[0].idx = 0;
  main->upvals[0].kind = VAR_REG;
  main->upvals[0].decl = R.main_env;
  resolve_func(&R, main);
}
