/* Code generation from the resolved tree (see codegen.h). This file walks statements
 * and expressions, manages blocks, local variables (registers and debug ranges),
 * gotos/labels and loops; codegen_emit.c does the instruction-level work. The control
 * flow follows lua5.4's lparser.c so that jumps, CLOSEs and register use match, plus
 * Cove's additions: ENTER at function entry and LOOP at the head of while/repeat loops
 * and of labels that backward gotos target. */
#include <stdio.h>
#include <string.h>

#include "codegen_internal.h"
#include "../vm/func.h"
#include "../vm/gc.h"
#include "../vm/str.h"

static void expr(FuncState *fs, Expr *e, ExpDesc *v);
static void statlist(FuncState *fs, Stat *s);
static Proto *funcbody(CG *cg, FuncNode *fn);

static void init_exp(ExpDesc *e, ExpKind k, int info) {
  e->f = e->t = NO_JUMP;
  e->k = k;
  e->u.info = info;
}

/* ---- local variables ---- */

static int registerlocalvar(FuncState *fs, String *name) {
  Proto *f = fs->f;
  if (fs->nlocvars >= fs->locvarsize) {
    int nsize = fs->locvarsize ? fs->locvarsize * 2 : 16;
    f->locvars = gc_realloc(fs->cg->L, f->locvars, sizeof(LocVar) * (size_t)fs->locvarsize,
                            sizeof(LocVar) * (size_t)nsize);
    fs->locvarsize = nsize;
  }
  f->locvars[fs->nlocvars].name = name;
  f->locvars[fs->nlocvars].startpc = fs->pc;
  f->locvars[fs->nlocvars].endpc = fs->pc;
  return fs->nlocvars++;
}

static void push_actvar(CG *cg, VarDecl *v) {
  if (cg->nactvar == cg->actsize) {
    int nsize = cg->actsize ? cg->actsize * 2 : 64;
    cg->actvar = gc_realloc(cg->L, cg->actvar, sizeof(VarDecl *) * (size_t)cg->actsize,
                            sizeof(VarDecl *) * (size_t)nsize);
    cg->actsize = nsize;
  }
  cg->actvar[cg->nactvar++] = v;
}

static void markupval(FuncState *fs) {
  fs->bl->upval = 1;
  fs->needclose = 1;
}

static void marktobeclosed(FuncState *fs) {
  fs->bl->upval = 1;
  fs->bl->insidetbc = 1;
  fs->needclose = 1;
}

/* Bring declaration v into scope: it takes the next register (constants take none). */
static void activate(FuncState *fs, VarDecl *v) {
  int reglevel = cg_nvarstack(fs);
  push_actvar(fs->cg, v);
  fs->nactvar++;
  if (v->attrib == VAR_CTC) return;
  v->reg = reglevel;
  v->pidx = registerlocalvar(fs, v->name);
  if (v->captured) markupval(fs);
}

static VarDecl *internal_var(FuncState *fs, const char *name) {
  VarDecl *v = gc_alloc(fs->cg->L, sizeof(VarDecl));
  v->name = str_newz(fs->cg->L, name);
  v->fn = fs->node;
  return v;
}

static void removevars(FuncState *fs, int tolevel) {
  CG *cg = fs->cg;
  while (fs->nactvar > tolevel) {
    VarDecl *v = cg->actvar[fs->firstlocal + --fs->nactvar];
    if (v->attrib != VAR_CTC) fs->f->locvars[v->pidx].endpc = fs->pc;
  }
  cg->nactvar = fs->firstlocal + fs->nactvar;
}

/* ---- gotos and labels ---- */

static int newlabelentry(CG *cg, LabelDesc **arr, int *n, int *size, String *name, int line, int pc) {
  if (*n == *size) {
    int nsize = *size ? *size * 2 : 16;
    *arr = gc_realloc(cg->L, *arr, sizeof(LabelDesc) * (size_t)*size, sizeof(LabelDesc) * (size_t)nsize);
    *size = nsize;
  }
  LabelDesc *l = &(*arr)[*n];
  l->name = name;
  l->line = line;
  l->nactvar = cg->fs->nactvar;
  l->close = 0;
  l->pc = pc;
  l->errline = line;
  return (*n)++;
}

static int newgotoentry(FuncState *fs, String *name, int line, int pc) {
  CG *cg = fs->cg;
  return newlabelentry(cg, &cg->gotos, &cg->ngotos, &cg->gotosize, name, line, pc);
}

static VarDecl *getlocalvardesc(FuncState *fs, int vidx) {
  return fs->cg->actvar[fs->firstlocal + vidx];
}

static NORETURN void jumpscopeerror(FuncState *fs, LabelDesc *gt, int errline) {
  char msg[300];
  const char *varname = getstr(getlocalvardesc(fs, gt->nactvar)->name);
  snprintf(msg, sizeof msg, "<goto %s> at line %d jumps into the scope of local '%s'",
           getstr(gt->name), gt->line, varname);
  lex_semerror(fs->cg->ls, msg, errline);
}

static void solvegoto(FuncState *fs, int g, LabelDesc *label) {
  CG *cg = fs->cg;
  LabelDesc *gt = &cg->gotos[g];
  if (gt->nactvar < label->nactvar) jumpscopeerror(fs, gt, label->errline);
  cg_patchlist(fs, gt->pc, label->pc);
  for (int i = g; i < cg->ngotos - 1; i++) cg->gotos[i] = cg->gotos[i + 1];
  cg->ngotos--;
}

static LabelDesc *findlabel(FuncState *fs, String *name) {
  CG *cg = fs->cg;
  for (int i = fs->firstlabel; i < cg->nlabels; i++)
    if (str_eq(cg->labels[i].name, name)) return &cg->labels[i];
  return NULL;
}

static int solvegotos(FuncState *fs, LabelDesc *lb) {
  CG *cg = fs->cg;
  int i = fs->bl->firstgoto;
  int needsclose = 0;
  while (i < cg->ngotos) {
    if (str_eq(cg->gotos[i].name, lb->name)) {
      needsclose |= cg->gotos[i].close;
      solvegoto(fs, i, lb);
    } else {
      i++;
    }
  }
  return needsclose;
}

static int createlabel(FuncState *fs, String *name, int line, int last, int errline) {
  CG *cg = fs->cg;
  int l = newlabelentry(cg, &cg->labels, &cg->nlabels, &cg->labelsize, name, line, cg_getlabel(fs));
  cg->labels[l].errline = errline;
  if (last) cg->labels[l].nactvar = fs->bl->nactvar;  /* locals are already out of scope */
  LabelDesc lb = cg->labels[l];
  if (solvegotos(fs, &lb)) {
    cg_codeABC(fs, OP_CLOSE, cg_nvarstack(fs), 0, 0);
    return 1;
  }
  return 0;
}

static void movegotosout(FuncState *fs, BlockCnt *bl) {
  CG *cg = fs->cg;
  for (int i = bl->firstgoto; i < cg->ngotos; i++) {
    LabelDesc *gt = &cg->gotos[i];
    if (cg_reglevel(fs, gt->nactvar) > cg_reglevel(fs, bl->nactvar)) gt->close |= bl->upval;
    gt->nactvar = bl->nactvar;
  }
}

static NORETURN void undefgoto(FuncState *fs, LabelDesc *gt) {
  char msg[300];
  if (strcmp(getstr(gt->name), "break") == 0)
    snprintf(msg, sizeof msg, "break outside loop at line %d", gt->line);
  else
    snprintf(msg, sizeof msg, "no visible label '%s' for <goto> at line %d", getstr(gt->name), gt->line);
  lex_semerror(fs->cg->ls, msg, fs->node->endline);
}

/* Set the fuel cost of the LOOP at loop_pc from a back edge at jmp_pc. */
static void set_loop_cost(FuncState *fs, int loop_pc, int jmp_pc) {
  Instruction *i = &fs->f->code[loop_pc];
  int cost = jmp_pc - loop_pc;
  if (cost > MAXARG_D) cost = MAXARG_D;
  if (cost < 1) cost = 1;
  if (cost > GET_D(*i)) *i = CREATE_AD(OP_LOOP, 0, cost);
}

/* ---- blocks ---- */

static void enterblock(FuncState *fs, BlockCnt *bl, int isloop) {
  CG *cg = fs->cg;
  bl->isloop = (uint8_t)isloop;
  bl->nactvar = fs->nactvar;
  bl->firstlabel = cg->nlabels;
  bl->firstgoto = cg->ngotos;
  bl->upval = 0;
  bl->insidetbc = (uint8_t)(fs->bl != NULL && fs->bl->insidetbc);
  bl->previous = fs->bl;
  fs->bl = bl;
}

static String *break_name(FuncState *fs) {
  return str_new(fs->cg->L, "break", 5);
}

static void leaveblock(FuncState *fs) {
  BlockCnt *bl = fs->bl;
  CG *cg = fs->cg;
  int hasclose = 0;
  int stklevel = cg_reglevel(fs, bl->nactvar);
  removevars(fs, bl->nactvar);
  if (bl->isloop) hasclose = createlabel(fs, break_name(fs), 0, 0, cg->line);
  if (!hasclose && bl->previous && bl->upval) cg_codeABC(fs, OP_CLOSE, stklevel, 0, 0);
  fs->freereg = stklevel;
  cg->nlabels = bl->firstlabel;
  fs->bl = bl->previous;
  if (bl->previous) {
    movegotosout(fs, bl);
  } else if (bl->firstgoto < cg->ngotos) {
    undefgoto(fs, &cg->gotos[bl->firstgoto]);
  }
}

static void block(FuncState *fs, Block *b) {
  BlockCnt bl;
  enterblock(fs, &bl, 0);
  statlist(fs, b->first);
  leaveblock(fs);
}

/* ---- expressions ---- */

/* Evaluate a list: all but the last go to consecutive registers, the last is left in
 * v (undischarged, so a call or '...' can still be widened). Returns the count. */
static int explist(FuncState *fs, Expr *list, ExpDesc *v) {
  int n = 0;
  init_exp(v, VVOID, 0);
  for (Expr *e = list; e; e = e->next) {
    if (n > 0) cg_exp2nextreg(fs, v);
    expr(fs, e, v);
    n++;
  }
  return n;
}

static void codeclosure(FuncState *fs, FuncNode *fn, ExpDesc *v) {
  CG *cg = fs->cg;
  Proto *child = funcbody(cg, fn);
  Proto *f = fs->f;
  if (fs->np >= fs->psize) {
    int nsize = fs->psize ? fs->psize * 2 : 8;
    if (fs->np >= MAXARG_D) cg_error(fs, "too many functions");
    f->p = gc_realloc(cg->L, f->p, sizeof(Proto *) * (size_t)fs->psize, sizeof(Proto *) * (size_t)nsize);
    fs->psize = nsize;
  }
  f->p[fs->np++] = child;
  cg->line = fn->lastline;  /* lua5.4 emits CLOSURE after reading 'end' */
  init_exp(v, VRELOC, cg_codeAD(fs, OP_CLOSURE, 0, fs->np - 1));
  cg_exp2nextreg(fs, v);
}

static void constructor(FuncState *fs, Expr *e, ExpDesc *t) {
  CG *cg = fs->cg;
  int pc = cg_codeABC(fs, OP_NEWTABLE, 0, 0, 0);
  cg_codeaux(fs, 0);
  int na = 0, nh = 0, tostore = 0;
  ExpDesc v;
  init_exp(t, VNONRELOC, fs->freereg);
  cg_reserveregs(fs, 1);
  init_exp(&v, VVOID, 0);
  for (TField *f = e->u.table.fields; f; f = f->next) {
    /* close the pending list item */
    if (v.k != VVOID) {
      cg_exp2nextreg(fs, &v);
      v.k = VVOID;
      if (tostore == LFIELDS_PER_FLUSH) {
        cg_setlist(fs, t->u.info, na, tostore);
        na += tostore;
        tostore = 0;
      }
    }
    cg->line = f->line;
    if (f->key) {
      int reg = fs->freereg;
      ExpDesc tab, key, val;
      expr(fs, f->key, &key);
      if (f->key->kind != EX_STR) cg_exp2val(fs, &key);
      nh++;
      tab = *t;
      cg_indexed(fs, &tab, &key);
      expr(fs, f->val, &val);
      cg->line = f->endline;
      cg_storevar(fs, &tab, &val);
      fs->freereg = reg;
    } else {
      expr(fs, f->val, &v);
      tostore++;
    }
  }
  /* last list item */
  if (tostore > 0) {
    if (hasmultret(v.k)) {
      cg_setmultret(fs, &v);
      cg_setlist(fs, t->u.info, na, LUA_MULTRET);
      na--;
    } else {
      if (v.k != VVOID) cg_exp2nextreg(fs, &v);
      cg_setlist(fs, t->u.info, na, tostore);
    }
    na += tostore;
  }
  cg_settablesize(fs, pc, t->u.info, na, nh);
}

static void funcargs(FuncState *fs, Expr *call, ExpDesc *f, int line) {
  ExpDesc args;
  int nparams;
  int base = f->u.info;
  explist(fs, call->u.call.args, &args);
  fs->cg->line = call->u.call.closeline;  /* the last argument is read after the ')' */
  if (hasmultret(args.k)) {
    cg_setmultret(fs, &args);
    nparams = LUA_MULTRET;
  } else {
    if (args.k != VVOID) cg_exp2nextreg(fs, &args);
    nparams = fs->freereg - (base + 1);
  }
  fs->cg->line = line;
  init_exp(f, VCALL, cg_codeABC(fs, OP_CALL, base, nparams + 1, 2));
  fs->freereg = base + 1;
}

/* Left-recursive chains (a + b + c ..., a.b.c..., f()()...) can be arbitrarily long,
 * since the parser builds them in a loop; they are generated iteratively so that only
 * the parser's bounded nesting recurses on the C stack. */
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

/* Finish chain node e whose first operand (left side, table, function) is in v. */
static void chain_step(FuncState *fs, Expr *e, ExpDesc *v) {
  CG *cg = fs->cg;
  /* the operand is discharged with its own line (lua5.4 emits it before reading on) */
  switch (e->kind) {
    case EX_INDEX: {
      ExpDesc key;
      cg_exp2anyregup(fs, v);
      cg->line = e->line;
      expr(fs, e->u.index.key, &key);
      if (e->u.index.key->kind != EX_STR) cg_exp2val(fs, &key);
      cg->line = e->line;
      cg_indexed(fs, v, &key);
      break;
    }
    case EX_CALL:
      if (e->u.call.method) {
        ExpDesc key;
        init_exp(&key, VKSTR, 0);
        key.u.strval = e->u.call.method;
        cg->line = e->u.call.mline;
        cg_self(fs, v, &key);
      } else {
        cg_exp2nextreg(fs, v);
        cg->line = e->line;
      }
      funcargs(fs, e, v, e->line);
      break;
    default: {  /* EX_BIN */
      ExpDesc v2;
      cg->line = e->line;
      cg_infix(fs, (BinOp)e->op, v);
      expr(fs, e->u.bin.right, &v2);
      /* the right operand is discharged at its own line; the operation gets the
       * operator's line (cg_posfix fixes it) */
      cg_posfix(fs, (BinOp)e->op, v, &v2, e->line);
      break;
    }
  }
  cg->line = e->line;
}

static void expr_chain(FuncState *fs, Expr *e, ExpDesc *v) {
  Expr *small[32];
  Expr **stack = small;
  int n = 0, size = 32;
  for (; is_chain(e); e = chain_child(e)) {
    if (n == size) {
      Expr **bigger = gc_alloc(fs->cg->L, sizeof(Expr *) * (size_t)size * 2);
      memcpy(bigger, stack, sizeof(Expr *) * (size_t)n);
      stack = bigger;
      size *= 2;
    }
    stack[n++] = e;
  }
  expr(fs, e, v);
  while (n > 0) chain_step(fs, stack[--n], v);
}

static void expr(FuncState *fs, Expr *e, ExpDesc *v) {
  CG *cg = fs->cg;
  if (is_chain(e)) {
    expr_chain(fs, e, v);
    return;
  }
  cg->line = e->line;
  switch (e->kind) {
    case EX_NIL: init_exp(v, VNIL, 0); break;
    case EX_TRUE: init_exp(v, VTRUE, 0); break;
    case EX_FALSE: init_exp(v, VFALSE, 0); break;
    case EX_INT: init_exp(v, VKINT, 0); v->u.ival = e->u.ival; break;
    case EX_FLT: init_exp(v, VKFLT, 0); v->u.nval = e->u.nval; break;
    case EX_STR: init_exp(v, VKSTR, 0); v->u.strval = e->u.sval; break;
    case EX_VARARG:
      init_exp(v, VVARARG, cg_codeABC(fs, OP_VARARG, 0, 0, 1));
      break;
    case EX_FUNC:
      codeclosure(fs, e->u.func.f, v);
      break;
    case EX_TABLE:
      constructor(fs, e, v);
      break;
    case EX_NAME:
      if (e->u.name.kind == NAME_LOCAL) {
        init_exp(v, VLOCAL, 0);
        v->u.var.ridx = e->u.name.decl->reg;
      } else {
        init_exp(v, VUPVAL, e->u.name.idx);
      }
      break;
    case EX_UN:
      expr(fs, e->u.un.operand, v);
      cg_prefix(fs, (UnOp)e->op, v, e->line);
      break;
    case EX_PAREN:
      expr(fs, e->u.paren.inner, v);
      cg->line = e->line;
      cg_dischargevars(fs, v);
      break;
    default:
      break;
  }
  cg->line = e->line;
}

/* ---- statements ---- */

static void adjust_assign(FuncState *fs, int nvars, int nexps, ExpDesc *e) {
  int needed = nvars - nexps;
  if (hasmultret(e->k)) {
    int extra = needed + 1;
    if (extra < 0) extra = 0;
    cg_setreturns(fs, e, extra);
  } else {
    if (e->k != VVOID) cg_exp2nextreg(fs, e);
    if (needed > 0) cg_nil(fs, fs->freereg, needed);
  }
  if (needed > 0) cg_reserveregs(fs, needed);
  else fs->freereg += needed;
}

static void localstat(FuncState *fs, Stat *s) {
  ExpDesc e;
  VarDecl *last = NULL, *tbc = NULL;
  int nvars = s->u.local.nvars;
  int nexps = explist(fs, s->u.local.exprs, &e);
  fs->cg->line = s->line;
  for (VarDecl *v = s->u.local.vars; v; v = v->next) {
    last = v;
    if (v->attrib == VAR_CLOSE) tbc = v;
  }
  if (last->attrib == VAR_CTC) {
    for (VarDecl *v = s->u.local.vars; v != last; v = v->next) activate(fs, v);
    activate(fs, last);
  } else {
    adjust_assign(fs, nvars, nexps, &e);
    for (VarDecl *v = s->u.local.vars; v; v = v->next) activate(fs, v);
  }
  if (tbc) {
    marktobeclosed(fs);
    cg_codeABC(fs, OP_TBC, tbc->reg, 0, 0);
  }
}

static int vkisindexed(ExpKind k) {
  return k >= VINDEXED && k <= VINDEXSTR;
}

/* A local or upvalue assigned in a multiple assignment may be the table or key of an
 * earlier target: those targets then use a copy made before any store (lua5.4). */
static void check_conflict(FuncState *fs, ExpDesc *targets, int n, ExpDesc *v) {
  int extra = fs->freereg;
  int conflict = 0;
  for (int i = 0; i < n; i++) {
    ExpDesc *lh = &targets[i];
    if (!vkisindexed(lh->k)) continue;
    if (lh->k == VINDEXUP) {
      if (v->k == VUPVAL && lh->u.ind.t == v->u.info) {
        conflict = 1;
        lh->k = VINDEXSTR;
        lh->u.ind.t = extra;
      }
    } else {
      if (v->k == VLOCAL && lh->u.ind.t == v->u.var.ridx) {
        conflict = 1;
        lh->u.ind.t = extra;
      }
      if (lh->k == VINDEXED && v->k == VLOCAL && lh->u.ind.idx == v->u.var.ridx) {
        conflict = 1;
        lh->u.ind.idx = extra;
      }
    }
  }
  if (conflict) {
    if (v->k == VLOCAL) cg_codeABC(fs, OP_MOVE, extra, v->u.var.ridx, 0);
    else cg_codeABC(fs, OP_GETUPVAL, extra, v->u.info, 0);
    cg_reserveregs(fs, 1);
  }
}

static void assignstat(FuncState *fs, Stat *s) {
  CG *cg = fs->cg;
  int n = s->u.assign.ntargets;
  ExpDesc small[8];
  ExpDesc *targets = n <= 8 ? small : gc_alloc(cg->L, sizeof(ExpDesc) * (size_t)n);
  int i = 0;
  for (Expr *t = s->u.assign.targets; t; t = t->next, i++) {
    expr(fs, t, &targets[i]);
    if (i > 0 && !vkisindexed(targets[i].k)) check_conflict(fs, targets, i, &targets[i]);
  }
  ExpDesc e;
  int nexps = explist(fs, s->u.assign.exprs, &e);
  cg->line = s->line;
  if (nexps != n) {
    adjust_assign(fs, n, nexps, &e);
  } else {
    cg_setoneret(fs, &e);
    cg_storevar(fs, &targets[n - 1], &e);
    n--;  /* last target done */
    for (i = n - 1; i >= 0; i--) {
      init_exp(&e, VNONRELOC, fs->freereg - 1);
      cg_storevar(fs, &targets[i], &e);
    }
    return;
  }
  for (i = n - 1; i >= 0; i--) {
    init_exp(&e, VNONRELOC, fs->freereg - 1);
    cg_storevar(fs, &targets[i], &e);
  }
}

static void retstat(FuncState *fs, Stat *s) {
  ExpDesc e;
  int first = cg_nvarstack(fs);
  int nret = 0;
  if (s->u.ret.nexprs > 0) {
    nret = explist(fs, s->u.ret.exprs, &e);
    fs->cg->line = s->line;
    if (hasmultret(e.k)) {
      cg_setmultret(fs, &e);
      if (e.k == VCALL && nret == 1 && !fs->bl->insidetbc) {
        Instruction *pc = &getinstr(fs, &e);
        *pc = (*pc & ~(Instruction)0xFF) | OP_TAILCALL;
      }
      nret = LUA_MULTRET;
    } else if (nret == 1) {
      first = cg_exp2anyreg(fs, &e);
    } else {
      cg_exp2nextreg(fs, &e);
      first = fs->freereg - nret;
    }
  }
  fs->cg->line = s->line;
  cg_ret(fs, first, nret);
}

/* Condition for a loop/if: returns the false-exit jump list. */
static int cond(FuncState *fs, Expr *c) {
  ExpDesc v;
  expr(fs, c, &v);
  if (v.k == VNIL) v.k = VFALSE;
  cg_goiftrue(fs, &v);
  return v.f;
}

static int emit_loop_head(FuncState *fs) {
  cg_getlabel(fs);
  return cg_codeAD(fs, OP_LOOP, 0, 1);
}

static void whilestat(FuncState *fs, Stat *s) {
  BlockCnt bl;
  fs->cg->line = s->line;
  int whileinit = emit_loop_head(fs);
  int condexit = cond(fs, s->u.loop.cond);
  enterblock(fs, &bl, 1);
  block(fs, &s->u.loop.body);
  int back = cg_jump(fs);
  cg_patchlist(fs, back, whileinit);
  set_loop_cost(fs, whileinit, back);
  leaveblock(fs);
  cg_patchtohere(fs, condexit);
}

static void repeatstat(FuncState *fs, Stat *s) {
  BlockCnt bl1, bl2;
  fs->cg->line = s->line;
  int repeat_init = emit_loop_head(fs);
  enterblock(fs, &bl1, 1);
  enterblock(fs, &bl2, 0);
  statlist(fs, s->u.loop.body.first);
  int condexit = cond(fs, s->u.loop.cond);
  leaveblock(fs);
  if (bl2.upval) {
    int exit = cg_jump(fs);
    cg_patchtohere(fs, condexit);
    cg_codeABC(fs, OP_CLOSE, cg_reglevel(fs, bl2.nactvar), 0, 0);
    condexit = cg_jump(fs);
    cg_patchtohere(fs, exit);
  }
  /* every jump of condexit goes back to the loop head */
  for (int l = condexit; l != NO_JUMP;) {
    int offset = GET_sJ(fs->f->code[l]);
    set_loop_cost(fs, repeat_init, l);
    l = offset == NO_JUMP ? NO_JUMP : l + 1 + offset;
  }
  cg_patchlist(fs, condexit, repeat_init);
  leaveblock(fs);
}

static void fixforjump(FuncState *fs, int pc, int dest, int back) {
  Instruction *jmp = &fs->f->code[pc];
  int offset = dest - (pc + 1);
  if (back) offset = -offset;
  if (offset > MAXARG_D) cg_error(fs, "control structure too long");
  *jmp = CREATE_AD(GET_OP(*jmp), GET_A(*jmp), offset);
}

static void forbody(FuncState *fs, int base, int line, int doline, VarDecl *vars, int nvars, int isgen,
                    Block *body) {
  BlockCnt bl;
  fs->cg->line = doline;
  int prep = cg_codeAD(fs, isgen ? OP_TFORPREP : OP_FORPREP, base, 0);
  enterblock(fs, &bl, 0);
  for (VarDecl *v = vars; v; v = v->next) activate(fs, v);
  cg_reserveregs(fs, nvars);
  block(fs, body);
  leaveblock(fs);
  fixforjump(fs, prep, cg_getlabel(fs), 0);
  fs->cg->line = line;
  if (isgen) cg_codeABC(fs, OP_TFORCALL, base, 0, nvars);
  int endfor = cg_codeAD(fs, isgen ? OP_TFORLOOP : OP_FORLOOP, base, 0);
  fixforjump(fs, endfor, prep + 1, 1);
}

static void exp1(FuncState *fs, Expr *e) {
  ExpDesc v;
  expr(fs, e, &v);
  cg_exp2nextreg(fs, &v);
}

static void fornum(FuncState *fs, Stat *s) {
  int base = fs->freereg;
  exp1(fs, s->u.fornum.start);
  exp1(fs, s->u.fornum.limit);
  if (s->u.fornum.step) {
    exp1(fs, s->u.fornum.step);
  } else {
    cg_int(fs, fs->freereg, 1);
    cg_reserveregs(fs, 1);
  }
  for (int i = 0; i < 3; i++) activate(fs, internal_var(fs, "(for state)"));
  fs->cg->line = s->line;
  s->u.fornum.var->next = NULL;
  forbody(fs, base, s->line, s->u.fornum.doline, s->u.fornum.var, 1, 0, &s->u.fornum.body);
}

static void forlist(FuncState *fs, Stat *s) {
  ExpDesc e;
  int base = fs->freereg;
  int nexps = explist(fs, s->u.forin.exprs, &e);
  fs->cg->line = s->line;
  adjust_assign(fs, 4, nexps, &e);
  for (int i = 0; i < 4; i++) activate(fs, internal_var(fs, "(for state)"));
  marktobeclosed(fs);
  cg_checkstack(fs, 3);
  forbody(fs, base, s->line, s->u.forin.doline, s->u.forin.vars, s->u.forin.nvars, 1, &s->u.forin.body);
}

static void forstat(FuncState *fs, Stat *s) {
  BlockCnt bl;
  enterblock(fs, &bl, 1);
  if (s->kind == ST_FORNUM) fornum(fs, s);
  else forlist(fs, s);
  leaveblock(fs);
}

static void test_then_block(FuncState *fs, IfArm *arm, int *escapelist) {
  BlockCnt bl;
  ExpDesc v;
  int jf;
  Stat *first = arm->body.first;
  expr(fs, arm->cond, &v);
  fs->cg->line = arm->thenline;
  if (first && first->kind == ST_BREAK) {
    /* 'if x then break': jump straight out when the condition holds */
    cg_goiffalse(fs, &v);
    enterblock(fs, &bl, 0);
    newgotoentry(fs, break_name(fs), first->line, v.t);
    if (first->next == NULL) {
      leaveblock(fs);
      return;
    }
    jf = cg_jump(fs);
    first = first->next;
  } else {
    cg_goiftrue(fs, &v);
    enterblock(fs, &bl, 0);
    jf = v.f;
  }
  statlist(fs, first);
  leaveblock(fs);
  if (arm->next) cg_concat(fs, escapelist, cg_jump(fs));
  cg_patchtohere(fs, jf);
}

static void ifstat(FuncState *fs, Stat *s) {
  int escapelist = NO_JUMP;
  IfArm *arm = s->u.ifs.arms;
  for (; arm && arm->cond; arm = arm->next) test_then_block(fs, arm, &escapelist);
  if (arm) block(fs, &arm->body);
  cg_patchtohere(fs, escapelist);
}

static void funcstat(FuncState *fs, Stat *s) {
  ExpDesc v, b;
  expr(fs, s->u.func.target, &v);
  codeclosure(fs, s->u.func.f, &b);
  fs->cg->line = s->line;
  cg_storevar(fs, &v, &b);
  cg_fixline(fs, s->line);
}

static void localfunc(FuncState *fs, Stat *s) {
  ExpDesc b;
  VarDecl *v = s->u.localfunc.var;
  activate(fs, v);
  codeclosure(fs, s->u.localfunc.f, &b);
  fs->f->locvars[v->pidx].startpc = fs->pc;
}

static void gotostat(FuncState *fs, Stat *s) {
  String *name = s->u.jump.name;
  LabelDesc *lb = findlabel(fs, name);
  if (lb == NULL) {
    newgotoentry(fs, name, s->line, cg_jump(fs));
  } else {
    int lblevel = cg_reglevel(fs, lb->nactvar);
    if (cg_nvarstack(fs) > lblevel) cg_codeABC(fs, OP_CLOSE, lblevel, 0, 0);
    int jmp = cg_jump(fs);
    cg_patchlist(fs, jmp, lb->pc);
    if (GET_OP(fs->f->code[lb->pc]) == OP_LOOP) set_loop_cost(fs, lb->pc, jmp);
  }
}

static void labelstat(FuncState *fs, Stat *s) {
  String *name = s->u.label.name;
  LabelDesc *lb = findlabel(fs, name);
  if (lb != NULL) {
    char msg[300];
    snprintf(msg, sizeof msg, "label '%s' already defined on line %d", getstr(name), lb->line);
    lex_semerror(fs->cg->ls, msg, s->u.label.errline);
  }
  if (s->u.label.is_loop) {
    /* the LOOP marker must be the label's own instruction: backward gotos land on it */
    cg_getlabel(fs);
    int loop = cg_codeAD(fs, OP_LOOP, 0, 1);
    fs->lasttarget = loop;
    int l = newlabelentry(fs->cg, &fs->cg->labels, &fs->cg->nlabels, &fs->cg->labelsize, name, s->line, loop);
    fs->cg->labels[l].errline = s->u.label.errline;
    if (s->u.label.is_last) fs->cg->labels[l].nactvar = fs->bl->nactvar;
    LabelDesc copy = fs->cg->labels[l];
    if (solvegotos(fs, &copy)) cg_codeABC(fs, OP_CLOSE, cg_nvarstack(fs), 0, 0);
    return;
  }
  createlabel(fs, name, s->line, s->u.label.is_last, s->u.label.errline);
}

static void statement(FuncState *fs, Stat *s) {
  CG *cg = fs->cg;
  cg->line = s->line;
  switch (s->kind) {
    case ST_EXPR: {
      ExpDesc v;
      expr(fs, s->u.expr.e, &v);
      Instruction *pc = &getinstr(fs, &v);
      *pc = (*pc & 0x00FFFFFFu) | ((Instruction)1 << 24);  /* no results */
      break;
    }
    case ST_LOCAL: localstat(fs, s); break;
    case ST_ASSIGN: assignstat(fs, s); break;
    case ST_DO: block(fs, &s->u.block.body); break;
    case ST_WHILE: whilestat(fs, s); break;
    case ST_REPEAT: repeatstat(fs, s); break;
    case ST_IF: ifstat(fs, s); break;
    case ST_FORNUM: case ST_FORIN: forstat(fs, s); break;
    case ST_FUNCTION: funcstat(fs, s); break;
    case ST_LOCALFUNC: localfunc(fs, s); break;
    case ST_RETURN: retstat(fs, s); break;
    case ST_BREAK: newgotoentry(fs, break_name(fs), s->line, cg_jump(fs)); break;
    case ST_GOTO: gotostat(fs, s); break;
    case ST_LABEL: labelstat(fs, s); break;
  }
  fs->freereg = cg_nvarstack(fs);
}

static void statlist(FuncState *fs, Stat *s) {
  for (; s; s = s->next) statement(fs, s);
}

/* ---- functions ---- */

static void open_func(CG *cg, FuncState *fs, FuncNode *fn, BlockCnt *bl) {
  memset(fs, 0, sizeof *fs);
  fs->prev = cg->fs;
  fs->cg = cg;
  fs->node = fn;
  cg->fs = fs;
  Proto *f = func_newproto(cg->L);
  fs->f = f;
  f->source = cg->ls->source;
  f->maxstacksize = 2;
  f->linedefined = fn->line;
  f->lastlinedefined = fn->lastline;
  f->numparams = (uint8_t)fn->nparams;
  f->is_vararg = fn->is_vararg;
  fs->lasttarget = 0;
  fs->firstlocal = cg->nactvar;
  fs->firstlabel = cg->nlabels;
  fs->bl = NULL;
  enterblock(fs, bl, 0);
}

static void close_func(CG *cg, FuncState *fs) {
  Proto *f = fs->f;
  FuncNode *fn = fs->node;
  cg->line = fn->retline;
  cg_ret(fs, cg_nvarstack(fs), 0);
  leaveblock(fs);
  cg_finish(fs);
  f->sizecode = fs->pc;
  f->sizelineinfo = fs->pc;
  f->sizek = fs->nk;
  f->sizep = fs->np;
  f->sizelocvars = fs->nlocvars;
  f->sizeupvalues = fn->nupvals;
  if (fn->nupvals > 0) {
    f->upvalues = gc_alloc(cg->L, sizeof(UpvalDesc) * (size_t)fn->nupvals);
    for (int i = 0; i < fn->nupvals; i++) {
      UpvalInfo *u = &fn->upvals[i];
      f->upvalues[i].name = u->name;
      f->upvalues[i].instack = u->instack;
      f->upvalues[i].idx = (uint8_t)(u->instack ? (u->decl->fn ? u->decl->reg : u->idx) : u->idx);
      f->upvalues[i].kind = u->kind;
    }
  }
  cg->nactvar = fs->firstlocal;
  cg->fs = fs->prev;
}

static Proto *funcbody(CG *cg, FuncNode *fn) {
  FuncState fs;
  BlockCnt bl;
  int saved_line = cg->line;
  open_func(cg, &fs, fn, &bl);
  cg->line = fn->line ? fn->line : 1;
  for (VarDecl *p = fn->params; p; p = p->next) activate(&fs, p);
  if (fn->is_vararg) cg_codeABC(&fs, OP_VARARGPREP, fn->nparams, 0, 0);
  int enter = cg_codeAD(&fs, OP_ENTER, 0, 1);
  cg_reserveregs(&fs, fn->nparams);
  statlist(&fs, fn->body.first);
  close_func(cg, &fs);
  /* the header belongs to the first line of the body (line hooks see no extra line) */
  if (enter + 1 < fs.pc) fs.f->lineinfo[enter] = fs.f->lineinfo[enter + 1];
  cg->line = saved_line;
  return fs.f;
}

Proto *cg_main(LexState *ls, FuncNode *main) {
  CG cg;
  memset(&cg, 0, sizeof cg);
  cg.ls = ls;
  cg.L = ls->L;
  cg.line = 1;
  return funcbody(&cg, main);
}
