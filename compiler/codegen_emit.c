/* Instruction emission for compiler/codegen.c: the code array, line info, constants,
 * registers, jump lists (chained through the sJ fields of pending JMPs) and expression
 * descriptors that delay the choice of a register until the use is known. The
 * techniques are lua5.4's lcode.c, adapted to Cove's opcodes: no MMBIN follow-ups,
 * no operand swapping for arithmetic, compare+JMP pairs, AUX words for wide operands. */
#include <math.h>
#include <string.h>

#include "codegen_internal.h"
#include "../vm/gc.h"
#include "../vm/str.h"

#define SET_OP(i, o) ((i) = ((i) & ~(Instruction)0xFF) | (Instruction)(o))
#define SET_A(i, v) ((i) = ((i) & ~((Instruction)0xFF << 8)) | ((Instruction)(v) << 8))
#define SET_B(i, v) ((i) = ((i) & ~((Instruction)0xFF << 16)) | ((Instruction)(v) << 16))
#define SET_C(i, v) ((i) = ((i) & ~((Instruction)0xFF << 24)) | ((Instruction)(v) << 24))
#define SET_D(i, v) ((i) = ((i) & (Instruction)0xFFFF) | ((Instruction)(v) << 16))

NORETURN void cg_error(FuncState *fs, const char *msg) {
  lex_semerror(fs->cg->ls, msg, fs->cg->line);
}

/* ---- code array ---- */

int cg_code(FuncState *fs, Instruction i) {
  Proto *f = fs->f;
  lua_State *L = fs->cg->L;
  if (fs->pc >= fs->codesize) {
    int nsize = fs->codesize ? fs->codesize * 2 : 64;
    if (nsize > (1 << 26)) cg_error(fs, "function or expression too complex");
    f->code = gc_realloc(L, f->code, sizeof(Instruction) * (size_t)fs->codesize,
                         sizeof(Instruction) * (size_t)nsize);
    f->lineinfo = gc_realloc(L, f->lineinfo, sizeof(int32_t) * (size_t)fs->codesize,
                             sizeof(int32_t) * (size_t)nsize);
    fs->isaux = gc_realloc(L, fs->isaux, (size_t)fs->codesize, (size_t)nsize);
    fs->codesize = nsize;
  }
  f->code[fs->pc] = i;
  f->lineinfo[fs->pc] = fs->cg->line;
  fs->isaux[fs->pc] = 0;
  return fs->pc++;
}

int cg_codeABC(FuncState *fs, int op, int a, int b, int c) {
  return cg_code(fs, CREATE_ABC(op, a, b, c));
}

int cg_codeAD(FuncState *fs, int op, int a, int d) {
  return cg_code(fs, CREATE_AD(op, a, d));
}

int cg_codeaux(FuncState *fs, uint32_t word) {
  int pc = cg_code(fs, word);
  fs->isaux[pc] = 1;
  return pc;
}

void cg_fixline(FuncState *fs, int line) {
  fs->f->lineinfo[fs->pc - 1] = line;
}

static void removelastinstruction(FuncState *fs) {
  fs->pc--;
}

/* The previous instruction when it may be merged with the next one: not across a jump
 * target and never an AUX data word. */
static Instruction *previousinstruction(FuncState *fs) {
  static Instruction invalid = ~(Instruction)0;
  if (fs->pc > fs->lasttarget && fs->pc > 0 && !fs->isaux[fs->pc - 1]) return &fs->f->code[fs->pc - 1];
  invalid = ~(Instruction)0;
  return &invalid;
}

void cg_nil(FuncState *fs, int from, int n) {
  int l = from + n - 1;
  Instruction *prev = previousinstruction(fs);
  if (GET_OP(*prev) == OP_LOADNIL) {
    int pfrom = GET_A(*prev);
    int pl = pfrom + GET_B(*prev);
    if ((pfrom <= from && from <= pl + 1) || (from <= pfrom && pfrom <= l + 1)) {
      if (pfrom < from) from = pfrom;
      if (pl > l) l = pl;
      SET_A(*prev, from);
      SET_B(*prev, l - from);
      return;
    }
  }
  cg_codeABC(fs, OP_LOADNIL, from, n - 1, 0);
}

/* ---- jumps ---- */

static int getjump(FuncState *fs, int pc) {
  int offset = GET_sJ(fs->f->code[pc]);
  return offset == NO_JUMP ? NO_JUMP : pc + 1 + offset;
}

static void fixjump(FuncState *fs, int pc, int dest) {
  Instruction *jmp = &fs->f->code[pc];
  int offset = dest - (pc + 1);
  if (!(-OFFSET_sJ <= offset && offset <= MAXARG_sJ)) cg_error(fs, "control structure too long");
  *jmp = CREATE_J(GET_OP(*jmp), offset);
}

void cg_concat(FuncState *fs, int *l1, int l2) {
  if (l2 == NO_JUMP) return;
  if (*l1 == NO_JUMP) {
    *l1 = l2;
  } else {
    int list = *l1, next;
    while ((next = getjump(fs, list)) != NO_JUMP) list = next;
    fixjump(fs, list, l2);
  }
}

int cg_jump(FuncState *fs) {
  return cg_code(fs, CREATE_J(OP_JMP, NO_JUMP));
}

void cg_ret(FuncState *fs, int first, int nret) {
  int op = nret == 0 ? OP_RETURN0 : nret == 1 ? OP_RETURN1 : OP_RETURN;
  cg_codeABC(fs, op, first, nret + 1, 0);
}

static int is_test_op(int op) {
  return op >= OP_EQ && op <= OP_TESTSET;
}

/* A compare/test followed by its jump: returns the compare. */
static int condjump(FuncState *fs, int op, int a, int b, int c) {
  cg_codeABC(fs, op, a, b, c);
  return cg_jump(fs);
}

int cg_getlabel(FuncState *fs) {
  fs->lasttarget = fs->pc;
  return fs->pc;
}

static Instruction *getjumpcontrol(FuncState *fs, int pc) {
  Instruction *pi = &fs->f->code[pc];
  if (pc >= 1 && !fs->isaux[pc - 1] && is_test_op(GET_OP(*(pi - 1)))) return pi - 1;
  return pi;
}

/* Make a TESTSET of a jump list store into `reg`, or turn it into TEST when the
 * value is not needed. Returns 0 when the jump is not a TESTSET. */
static int patchtestreg(FuncState *fs, int node, int reg) {
  Instruction *i = getjumpcontrol(fs, node);
  if (GET_OP(*i) != OP_TESTSET) return 0;
  if (reg != NO_REG && reg != GET_B(*i)) SET_A(*i, reg);
  else *i = CREATE_ABC(OP_TEST, GET_B(*i), 0, GET_C(*i));
  return 1;
}

static void removevalues(FuncState *fs, int list) {
  for (; list != NO_JUMP; list = getjump(fs, list)) patchtestreg(fs, list, NO_REG);
}

static void patchlistaux(FuncState *fs, int list, int vtarget, int reg, int dtarget) {
  while (list != NO_JUMP) {
    int next = getjump(fs, list);
    if (patchtestreg(fs, list, reg)) fixjump(fs, list, vtarget);
    else fixjump(fs, list, dtarget);
    list = next;
  }
}

void cg_patchlist(FuncState *fs, int list, int target) {
  patchlistaux(fs, list, target, NO_REG, target);
}

void cg_patchtohere(FuncState *fs, int list) {
  int hr = cg_getlabel(fs);
  cg_patchlist(fs, list, hr);
}

/* ---- registers ---- */

int cg_reglevel(FuncState *fs, int nvar) {
  CG *cg = fs->cg;
  while (nvar-- > 0) {
    VarDecl *v = cg->actvar[fs->firstlocal + nvar];
    if (v->attrib != VAR_CTC) return v->reg + 1;
  }
  return 0;
}

int cg_nvarstack(FuncState *fs) {
  return cg_reglevel(fs, fs->nactvar);
}

void cg_checkstack(FuncState *fs, int n) {
  int newstack = fs->freereg + n;
  if (newstack > fs->f->maxstacksize) {
    if (newstack >= MAXREGS) cg_error(fs, "function or expression needs too many registers");
    fs->f->maxstacksize = (uint8_t)newstack;
  }
}

void cg_reserveregs(FuncState *fs, int n) {
  cg_checkstack(fs, n);
  fs->freereg += n;
}

static void freereg(FuncState *fs, int reg) {
  if (reg >= cg_nvarstack(fs)) fs->freereg--;
}

static void freeregs(FuncState *fs, int r1, int r2) {
  if (r1 > r2) {
    freereg(fs, r1);
    freereg(fs, r2);
  } else {
    freereg(fs, r2);
    freereg(fs, r1);
  }
}

static void freeexp(FuncState *fs, ExpDesc *e) {
  if (e->k == VNONRELOC) freereg(fs, e->u.info);
}

static void freeexps(FuncState *fs, ExpDesc *e1, ExpDesc *e2) {
  int r1 = e1->k == VNONRELOC ? e1->u.info : -1;
  int r2 = e2->k == VNONRELOC ? e2->u.info : -1;
  freeregs(fs, r1, r2);
}

/* ---- constants ---- */

static uint32_t khash(const Value *v) {
  switch (v->tt) {
    case TAG_STR: return str_hash(strvalue(v));
    case TAG_INT: case TAG_FLT: {
      uint64_t x = (uint64_t)v->u.i * 0x9E3779B97F4A7C15ull;
      return (uint32_t)(x >> 32) ^ v->tt;
    }
    default: return v->tt * 2654435761u;
  }
}

static int kequal(const Value *a, const Value *b) {
  if (a->tt != b->tt) return 0;
  switch (a->tt) {
    case TAG_STR: return str_eq(strvalue(a), strvalue(b));
    case TAG_INT: case TAG_FLT: return a->u.i == b->u.i;  /* floats: same bits */
    default: return 1;
  }
}

static void kcache_insert(FuncState *fs, const Value *v, int idx);

static void kcache_grow(FuncState *fs) {
  KCache *old = fs->kcache;
  int oldsize = fs->kcachesize;
  fs->kcachesize = oldsize ? oldsize * 2 : 64;
  fs->kcache = gc_alloc(fs->cg->L, sizeof(KCache) * (size_t)fs->kcachesize);
  for (int i = 0; i < oldsize; i++)
    if (old[i].used) kcache_insert(fs, &old[i].key, old[i].idx);
}

static void kcache_insert(FuncState *fs, const Value *v, int idx) {
  uint32_t mask = (uint32_t)fs->kcachesize - 1;
  uint32_t h = khash(v) & mask;
  while (fs->kcache[h].used) h = (h + 1) & mask;
  fs->kcache[h].key = *v;
  fs->kcache[h].idx = idx;
  fs->kcache[h].used = 1;
}

static int addk(FuncState *fs, const Value *v) {
  if (fs->kcachesize) {
    uint32_t mask = (uint32_t)fs->kcachesize - 1;
    for (uint32_t h = khash(v) & mask; fs->kcache[h].used; h = (h + 1) & mask)
      if (kequal(&fs->kcache[h].key, v)) return fs->kcache[h].idx;
  }
  Proto *f = fs->f;
  if (fs->nk >= fs->ksize) {
    int nsize = fs->ksize ? fs->ksize * 2 : 16;
    if (nsize > (1 << 25)) cg_error(fs, "too many constants");
    f->k = gc_realloc(fs->cg->L, f->k, sizeof(Value) * (size_t)fs->ksize, sizeof(Value) * (size_t)nsize);
    fs->ksize = nsize;
  }
  int idx = fs->nk++;
  f->k[idx] = *v;
  if (2 * fs->nk > fs->kcachesize) kcache_grow(fs);
  kcache_insert(fs, v, idx);
  return idx;
}

int cg_stringK(FuncState *fs, String *s) {
  Value v;
  setsvalue(&v, s);
  return addk(fs, &v);
}

static int intK(FuncState *fs, lua_Integer n) {
  Value v;
  setivalue(&v, n);
  return addk(fs, &v);
}

static int numberK(FuncState *fs, double n) {
  Value v;
  setfltvalue(&v, n);
  return addk(fs, &v);
}

static int boolK(FuncState *fs, int b) {
  Value v;
  v.u.i = 0;
  setbvalue(&v, b);
  return addk(fs, &v);
}

static int nilK(FuncState *fs) {
  Value v;
  v.u.i = 0;
  setnilvalue(&v);
  return addk(fs, &v);
}

static int fits_sD(lua_Integer i) {
  return i >= -OFFSET_sD && i <= MAXARG_sD;
}

static void codek(FuncState *fs, int reg, int k) {
  if (k <= MAXARG_D) {
    cg_codeAD(fs, OP_LOADK, reg, k);
  } else {
    cg_codeABC(fs, OP_LOADKX, reg, 0, 0);
    cg_codeaux(fs, (uint32_t)k);
  }
}

void cg_int(FuncState *fs, int reg, lua_Integer i) {
  if (fits_sD(i)) cg_codeAD(fs, OP_LOADI, reg, (int)(i + OFFSET_sD));
  else codek(fs, reg, intK(fs, i));
}

static void cg_float(FuncState *fs, int reg, double f) {
  if (f == floor(f) && f >= -OFFSET_sD && f <= MAXARG_sD && !(f == 0 && signbit(f)))
    cg_codeAD(fs, OP_LOADF, reg, (int)f + OFFSET_sD);
  else
    codek(fs, reg, numberK(fs, f));
}

static void str2K(FuncState *fs, ExpDesc *e) {
  e->u.info = cg_stringK(fs, e->u.strval);
  e->k = VK;
}

/* Put a constant expression in K if its index fits an 8-bit operand. */
static int exp2K(FuncState *fs, ExpDesc *e) {
  if (hasjumps(e)) return 0;
  int info;
  switch (e->k) {
    case VTRUE: info = boolK(fs, 1); break;
    case VFALSE: info = boolK(fs, 0); break;
    case VNIL: info = nilK(fs); break;
    case VKINT: info = intK(fs, e->u.ival); break;
    case VKFLT: info = numberK(fs, e->u.nval); break;
    case VKSTR: info = cg_stringK(fs, e->u.strval); break;
    case VK: info = e->u.info; break;
    default: return 0;
  }
  if (info <= MAXINDEXRK) {
    e->k = VK;
    e->u.info = info;
    return 1;
  }
  return 0;
}

/* ---- discharging expressions ---- */

void cg_setreturns(FuncState *fs, ExpDesc *e, int nresults) {
  Instruction *pc = &getinstr(fs, e);
  if (e->k == VCALL) {
    SET_C(*pc, nresults + 1);
  } else {
    SET_C(*pc, nresults + 1);
    SET_A(*pc, fs->freereg);
    cg_reserveregs(fs, 1);
  }
}

void cg_setoneret(FuncState *fs, ExpDesc *e) {
  if (e->k == VCALL) {
    e->k = VNONRELOC;
    e->u.info = GET_A(getinstr(fs, e));
  } else if (e->k == VVARARG) {
    SET_C(getinstr(fs, e), 2);
    e->k = VRELOC;
  }
}

void cg_dischargevars(FuncState *fs, ExpDesc *e) {
  switch (e->k) {
    case VLOCAL:
      e->u.info = e->u.var.ridx;
      e->k = VNONRELOC;
      break;
    case VUPVAL:
      e->u.info = cg_codeABC(fs, OP_GETUPVAL, 0, e->u.info, 0);
      e->k = VRELOC;
      break;
    case VINDEXUP:
      e->u.info = cg_codeABC(fs, OP_GETTABUP, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXI:
      freereg(fs, e->u.ind.t);
      e->u.info = cg_codeABC(fs, OP_GETI, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXSTR:
      freereg(fs, e->u.ind.t);
      e->u.info = cg_codeABC(fs, OP_GETFIELD, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VINDEXED:
      freeregs(fs, e->u.ind.t, e->u.ind.idx);
      e->u.info = cg_codeABC(fs, OP_GETTABLE, 0, e->u.ind.t, e->u.ind.idx);
      e->k = VRELOC;
      break;
    case VVARARG: case VCALL:
      cg_setoneret(fs, e);
      break;
    default:
      break;
  }
}

static void discharge2reg(FuncState *fs, ExpDesc *e, int reg) {
  cg_dischargevars(fs, e);
  switch (e->k) {
    case VNIL: cg_nil(fs, reg, 1); break;
    case VFALSE: cg_codeABC(fs, OP_LOADFALSE, reg, 0, 0); break;
    case VTRUE: cg_codeABC(fs, OP_LOADTRUE, reg, 0, 0); break;
    case VKSTR: str2K(fs, e); /* fall through */
    case VK: codek(fs, reg, e->u.info); break;
    case VKFLT: cg_float(fs, reg, e->u.nval); break;
    case VKINT: cg_int(fs, reg, e->u.ival); break;
    case VRELOC: SET_A(getinstr(fs, e), reg); break;
    case VNONRELOC:
      if (reg != e->u.info) cg_codeABC(fs, OP_MOVE, reg, e->u.info, 0);
      break;
    default:
      return;  /* VJMP: nothing to do yet */
  }
  e->u.info = reg;
  e->k = VNONRELOC;
}

static void discharge2anyreg(FuncState *fs, ExpDesc *e) {
  if (e->k != VNONRELOC) {
    cg_reserveregs(fs, 1);
    discharge2reg(fs, e, fs->freereg - 1);
  }
}

static int code_loadbool(FuncState *fs, int a, int op) {
  cg_getlabel(fs);
  return cg_codeABC(fs, op, a, 0, 0);
}

/* Does some jump of the list need a value (i.e. is not a TESTSET)? */
static int need_value(FuncState *fs, int list) {
  for (; list != NO_JUMP; list = getjump(fs, list)) {
    Instruction i = *getjumpcontrol(fs, list);
    if (GET_OP(i) != OP_TESTSET) return 1;
  }
  return 0;
}

static void exp2reg(FuncState *fs, ExpDesc *e, int reg) {
  discharge2reg(fs, e, reg);
  if (e->k == VJMP) cg_concat(fs, &e->t, e->u.info);
  if (hasjumps(e)) {
    int p_f = NO_JUMP, p_t = NO_JUMP;
    if (need_value(fs, e->t) || need_value(fs, e->f)) {
      int fj = (e->k == VJMP) ? NO_JUMP : cg_jump(fs);
      p_f = code_loadbool(fs, reg, OP_LFALSESKIP);
      p_t = code_loadbool(fs, reg, OP_LOADTRUE);
      cg_patchtohere(fs, fj);
    }
    int final = cg_getlabel(fs);
    patchlistaux(fs, e->f, final, reg, p_f);
    patchlistaux(fs, e->t, final, reg, p_t);
  }
  e->f = e->t = NO_JUMP;
  e->u.info = reg;
  e->k = VNONRELOC;
}

void cg_exp2nextreg(FuncState *fs, ExpDesc *e) {
  cg_dischargevars(fs, e);
  freeexp(fs, e);
  cg_reserveregs(fs, 1);
  exp2reg(fs, e, fs->freereg - 1);
}

int cg_exp2anyreg(FuncState *fs, ExpDesc *e) {
  cg_dischargevars(fs, e);
  if (e->k == VNONRELOC) {
    if (!hasjumps(e)) return e->u.info;
    if (e->u.info >= cg_nvarstack(fs)) {
      exp2reg(fs, e, e->u.info);
      return e->u.info;
    }
  }
  cg_exp2nextreg(fs, e);
  return e->u.info;
}

void cg_exp2anyregup(FuncState *fs, ExpDesc *e) {
  if (e->k != VUPVAL || hasjumps(e)) cg_exp2anyreg(fs, e);
}

void cg_exp2val(FuncState *fs, ExpDesc *e) {
  if (hasjumps(e)) cg_exp2anyreg(fs, e);
  else cg_dischargevars(fs, e);
}

void cg_storevar(FuncState *fs, ExpDesc *var, ExpDesc *ex) {
  switch (var->k) {
    case VLOCAL:
      freeexp(fs, ex);
      exp2reg(fs, ex, var->u.var.ridx);
      return;
    case VUPVAL: {
      int e = cg_exp2anyreg(fs, ex);
      cg_codeABC(fs, OP_SETUPVAL, e, var->u.info, 0);
      break;
    }
    case VINDEXUP: {
      int e = cg_exp2anyreg(fs, ex);
      cg_codeABC(fs, OP_SETTABUP, var->u.ind.t, var->u.ind.idx, e);
      break;
    }
    case VINDEXI: {
      int e = cg_exp2anyreg(fs, ex);
      cg_codeABC(fs, OP_SETI, var->u.ind.t, var->u.ind.idx, e);
      break;
    }
    case VINDEXSTR: {
      int e = cg_exp2anyreg(fs, ex);
      cg_codeABC(fs, OP_SETFIELD, var->u.ind.t, var->u.ind.idx, e);
      break;
    }
    case VINDEXED: {
      int e = cg_exp2anyreg(fs, ex);
      cg_codeABC(fs, OP_SETTABLE, var->u.ind.t, var->u.ind.idx, e);
      break;
    }
    default:
      break;
  }
  freeexp(fs, ex);
}

/* obj:name -> SELF; with more than 256 constants the key cannot be an operand, so the
 * method is fetched with GETTABLE instead (same semantics). */
void cg_self(FuncState *fs, ExpDesc *e, ExpDesc *key) {
  cg_exp2anyreg(fs, e);
  int ereg = e->u.info;
  freeexp(fs, e);
  e->u.info = fs->freereg;
  e->k = VNONRELOC;
  cg_reserveregs(fs, 2);
  int k = cg_stringK(fs, key->u.strval);
  if (k <= MAXINDEXRK) {
    cg_codeABC(fs, OP_SELF, e->u.info, ereg, k);
  } else {
    cg_codeABC(fs, OP_MOVE, e->u.info + 1, ereg, 0);
    codek(fs, e->u.info, k);
    cg_codeABC(fs, OP_GETTABLE, e->u.info, e->u.info + 1, e->u.info);
  }
  freeexp(fs, key);
}

static int isKstr(FuncState *fs, ExpDesc *e) {
  return e->k == VK && !hasjumps(e) && e->u.info <= MAXARG_B &&
         ttisstring(&fs->f->k[e->u.info]) && strvalue(&fs->f->k[e->u.info])->is_short;
}

static int isCint(ExpDesc *e) {
  return e->k == VKINT && !hasjumps(e) && (lua_Unsigned)e->u.ival <= (lua_Unsigned)MAXARG_C;
}

void cg_indexed(FuncState *fs, ExpDesc *t, ExpDesc *k) {
  if (k->k == VKSTR) str2K(fs, k);
  if (t->k == VUPVAL && !isKstr(fs, k)) cg_exp2anyreg(fs, t);
  if (t->k == VUPVAL) {
    int upidx = t->u.info;
    t->u.ind.t = upidx;
    t->u.ind.idx = k->u.info;
    t->k = VINDEXUP;
  } else {
    t->u.ind.t = (t->k == VLOCAL) ? t->u.var.ridx : t->u.info;
    if (isKstr(fs, k)) {
      t->u.ind.idx = k->u.info;
      t->k = VINDEXSTR;
    } else if (isCint(k)) {
      t->u.ind.idx = (int)k->u.ival;
      t->k = VINDEXI;
    } else {
      t->u.ind.idx = cg_exp2anyreg(fs, k);
      t->k = VINDEXED;
    }
  }
}

/* ---- conditions ---- */

static void negatecondition(FuncState *fs, ExpDesc *e) {
  Instruction *pc = getjumpcontrol(fs, e->u.info);
  SET_C(*pc, GET_C(*pc) ^ 1);
}

static int jumponcond(FuncState *fs, ExpDesc *e, int cond) {
  if (e->k == VRELOC) {
    Instruction ie = getinstr(fs, e);
    if (GET_OP(ie) == OP_NOT) {
      removelastinstruction(fs);
      return condjump(fs, OP_TEST, GET_B(ie), 0, !cond);
    }
  }
  discharge2anyreg(fs, e);
  freeexp(fs, e);
  return condjump(fs, OP_TESTSET, NO_REG, e->u.info, cond);
}

void cg_goiftrue(FuncState *fs, ExpDesc *e) {
  int pc;
  cg_dischargevars(fs, e);
  switch (e->k) {
    case VJMP:
      negatecondition(fs, e);
      pc = e->u.info;
      break;
    case VK: case VKFLT: case VKINT: case VKSTR: case VTRUE:
      pc = NO_JUMP;
      break;
    default:
      pc = jumponcond(fs, e, 0);
      break;
  }
  cg_concat(fs, &e->f, pc);
  cg_patchtohere(fs, e->t);
  e->t = NO_JUMP;
}

void cg_goiffalse(FuncState *fs, ExpDesc *e) {
  int pc;
  cg_dischargevars(fs, e);
  switch (e->k) {
    case VJMP: pc = e->u.info; break;
    case VNIL: case VFALSE: pc = NO_JUMP; break;
    default: pc = jumponcond(fs, e, 1); break;
  }
  cg_concat(fs, &e->t, pc);
  cg_patchtohere(fs, e->f);
  e->f = NO_JUMP;
}

static void codenot(FuncState *fs, ExpDesc *e) {
  switch (e->k) {
    case VNIL: case VFALSE: e->k = VTRUE; break;
    case VK: case VKFLT: case VKINT: case VKSTR: case VTRUE: e->k = VFALSE; break;
    case VJMP: negatecondition(fs, e); break;
    case VRELOC: case VNONRELOC:
      discharge2anyreg(fs, e);
      freeexp(fs, e);
      e->u.info = cg_codeABC(fs, OP_NOT, 0, e->u.info, 0);
      e->k = VRELOC;
      break;
    default: break;
  }
  int temp = e->f;
  e->f = e->t;
  e->t = temp;
  removevalues(fs, e->f);
  removevalues(fs, e->t);
}

/* ---- operators ---- */

static int tonumeral(const ExpDesc *e) {
  return !hasjumps(e) && (e->k == VKINT || e->k == VKFLT);
}

/* Integer (or integral float) constant that fits a signed 8-bit operand. */
static int isSCnumber(ExpDesc *e, int *pi, int *isfloat) {
  lua_Integer i;
  if (e->k == VKINT) {
    i = e->u.ival;
  } else if (e->k == VKFLT && e->u.nval == floor(e->u.nval) && e->u.nval >= -128 && e->u.nval <= 128) {
    i = (lua_Integer)e->u.nval;
    *isfloat = 1;
  } else {
    return 0;
  }
  if (!hasjumps(e) && i >= -OFFSET_s8 && i <= MAXARG_C - OFFSET_s8) {
    *pi = (int)i + OFFSET_s8;
    return 1;
  }
  return 0;
}

void cg_prefix(FuncState *fs, UnOp op, ExpDesc *e, int line) {
  cg_dischargevars(fs, e);
  if (op == UN_NOT) {
    codenot(fs, e);
    return;
  }
  static const uint8_t ops[] = {OP_UNM, OP_BNOT, OP_NOT, OP_LEN};
  int r = cg_exp2anyreg(fs, e);
  freeexp(fs, e);
  e->u.info = cg_codeABC(fs, ops[op], 0, r, 0);
  e->k = VRELOC;
  cg_fixline(fs, line);
}

void cg_infix(FuncState *fs, BinOp op, ExpDesc *v) {
  cg_dischargevars(fs, v);
  switch (op) {
    case BIN_AND: cg_goiftrue(fs, v); break;
    case BIN_OR: cg_goiffalse(fs, v); break;
    case BIN_CONCAT: cg_exp2nextreg(fs, v); break;
    case BIN_EQ: case BIN_NE:
      if (!tonumeral(v) && !exp2K(fs, v)) cg_exp2anyreg(fs, v);
      break;
    case BIN_LT: case BIN_LE: case BIN_GT: case BIN_GE: {
      int dummy, dummy2 = 0;
      if (!isSCnumber(v, &dummy, &dummy2)) cg_exp2anyreg(fs, v);
      break;
    }
    default:  /* arithmetic and bitwise: numerals may become K or immediate operands */
      if (!tonumeral(v)) cg_exp2anyreg(fs, v);
      break;
  }
}

static const uint8_t arith_rr[] = {
  OP_ADD, OP_SUB, OP_MUL, OP_MOD, OP_POW, OP_DIV, OP_IDIV, OP_BAND, OP_BOR, OP_BXOR, OP_SHL, OP_SHR
};
static const uint8_t arith_k[] = {
  OP_ADDK, OP_SUBK, OP_MULK, OP_MODK, OP_POWK, OP_DIVK, OP_IDIVK, OP_BANDK, OP_BORK, OP_BXORK, 0, 0
};

/* e1 op e2 for arithmetic/bitwise operators, operands kept in source order. */
static void codearith(FuncState *fs, BinOp op, ExpDesc *e1, ExpDesc *e2, int line) {
  int isfloat = 0, im;
  if (op == BIN_ADD && e2->k == VKINT && isSCnumber(e2, &im, &isfloat)) {
    int r1 = cg_exp2anyreg(fs, e1);
    freeexp(fs, e1);
    e1->u.info = cg_codeABC(fs, OP_ADDI, 0, r1, im);
  } else if (arith_k[op] && tonumeral(e2) &&
             (op < BIN_BAND || e2->k == VKINT) && exp2K(fs, e2)) {
    int r1 = cg_exp2anyreg(fs, e1);
    freeexp(fs, e1);
    e1->u.info = cg_codeABC(fs, arith_k[op], 0, r1, e2->u.info);
  } else {
    int r2 = cg_exp2anyreg(fs, e2);
    int r1 = cg_exp2anyreg(fs, e1);
    freeexps(fs, e1, e2);
    e1->u.info = cg_codeABC(fs, arith_rr[op], 0, r1, r2);
  }
  e1->k = VRELOC;
  cg_fixline(fs, line);
}

static void codeconcat(FuncState *fs, ExpDesc *e1, ExpDesc *e2, int line) {
  Instruction *ie2 = previousinstruction(fs);
  if (GET_OP(*ie2) == OP_CONCAT) {
    int n = GET_B(*ie2);
    freeexp(fs, e2);
    SET_A(*ie2, e1->u.info);
    SET_B(*ie2, n + 1);
  } else {
    cg_codeABC(fs, OP_CONCAT, e1->u.info, 2, 0);
    freeexp(fs, e2);
    cg_fixline(fs, line);
  }
}

static void codeeq(FuncState *fs, BinOp op, ExpDesc *e1, ExpDesc *e2) {
  int r1, r2, im, isfloat = 0, opc;
  if (e1->k != VNONRELOC) {
    ExpDesc temp = *e1;
    *e1 = *e2;
    *e2 = temp;
  }
  r1 = cg_exp2anyreg(fs, e1);
  if (isSCnumber(e2, &im, &isfloat)) {
    opc = OP_EQI;
    r2 = im;
  } else if (exp2K(fs, e2)) {
    opc = OP_EQK;
    r2 = e2->u.info;
    isfloat = 0;
  } else {
    opc = OP_EQ;
    r2 = cg_exp2anyreg(fs, e2);
    isfloat = 0;
  }
  freeexps(fs, e1, e2);
  e1->u.info = condjump(fs, opc, r1, r2, (op == BIN_EQ) | (isfloat << 1));
  e1->k = VJMP;
}

static void codeorder(FuncState *fs, BinOp op, ExpDesc *e1, ExpDesc *e2) {
  int r1, r2, im, isfloat = 0, opc;
  if (isSCnumber(e2, &im, &isfloat)) {
    r1 = cg_exp2anyreg(fs, e1);
    r2 = im;
    opc = op == BIN_LT ? OP_LTI : OP_LEI;
  } else if (isSCnumber(e1, &im, &isfloat)) {
    r1 = cg_exp2anyreg(fs, e2);
    r2 = im;
    opc = op == BIN_LT ? OP_GTI : OP_GEI;
  } else {
    r1 = cg_exp2anyreg(fs, e1);
    r2 = cg_exp2anyreg(fs, e2);
    opc = op == BIN_LT ? OP_LT : OP_LE;
  }
  freeexps(fs, e1, e2);
  e1->u.info = condjump(fs, opc, r1, r2, 1 | (isfloat << 1));
  e1->k = VJMP;
}

void cg_posfix(FuncState *fs, BinOp op, ExpDesc *e1, ExpDesc *e2, int line) {
  cg_dischargevars(fs, e2);
  switch (op) {
    case BIN_AND:
      cg_concat(fs, &e2->f, e1->f);
      *e1 = *e2;
      break;
    case BIN_OR:
      cg_concat(fs, &e2->t, e1->t);
      *e1 = *e2;
      break;
    case BIN_CONCAT:
      cg_exp2nextreg(fs, e2);
      codeconcat(fs, e1, e2, line);
      break;
    case BIN_EQ: case BIN_NE:
      codeeq(fs, op, e1, e2);
      break;
    case BIN_GT: case BIN_GE: {
      ExpDesc temp = *e1;
      *e1 = *e2;
      *e2 = temp;
      codeorder(fs, op == BIN_GT ? BIN_LT : BIN_LE, e1, e2);
      break;
    }
    case BIN_LT: case BIN_LE:
      codeorder(fs, op, e1, e2);
      break;
    default:
      codearith(fs, op, e1, e2, line);
      break;
  }
}

/* ---- tables ---- */

static int ceillog2(unsigned x) {
  int l = 0;
  x--;
  while (x >= 1) {
    l++;
    x >>= 1;
  }
  return l;
}

void cg_settablesize(FuncState *fs, int pc, int ra, int asize, int hsize) {
  int rb = hsize != 0 ? ceillog2((unsigned)hsize) + 1 : 0;
  fs->f->code[pc] = CREATE_ABC(OP_NEWTABLE, ra, rb, 0);
  fs->f->code[pc + 1] = (uint32_t)asize;
}

void cg_setlist(FuncState *fs, int base, int nelems, int tostore) {
  if (tostore == LUA_MULTRET) tostore = 0;
  cg_codeABC(fs, OP_SETLIST, base, tostore, 0);
  cg_codeaux(fs, (uint32_t)nelems);
  fs->freereg = base + 1;
}

/* ---- final pass ---- */

static int finaltarget(Instruction *code, int i) {
  for (int count = 0; count < 100; count++) {
    Instruction pc = code[i];
    if (GET_OP(pc) != OP_JMP) break;
    i += GET_sJ(pc) + 1;
  }
  return i;
}

/* Returns that must close become RETURN with C bit 0; vararg functions always use
 * the general RETURN (their frame was adjusted by VARARGPREP); jumps to jumps are
 * short-circuited. */
void cg_finish(FuncState *fs) {
  Proto *p = fs->f;
  for (int i = 0; i < fs->pc; i++) {
    if (fs->isaux[i]) continue;
    Instruction *pc = &p->code[i];
    switch (GET_OP(*pc)) {
      case OP_RETURN0: case OP_RETURN1:
        if (!(fs->needclose || p->is_vararg)) break;
        SET_OP(*pc, OP_RETURN);
        /* fall through */
      case OP_RETURN: case OP_TAILCALL:
        if (fs->needclose) SET_C(*pc, GET_C(*pc) | 1);
        break;
      case OP_JMP: {
        int target = finaltarget(p->code, i);
        fixjump(fs, i, target);
        break;
      }
      default:
        break;
    }
  }
}
