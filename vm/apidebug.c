/* The debug half of the C API: lua_getstack, lua_getinfo, locals, upvalues and hooks.
 * Function names ("global 'f'", "method 'm'", "for iterator", "metamethod 'add'") are
 * recovered as lua5.4 does: by finding, in the caller's bytecode, the instruction that
 * loaded the called register (symbolic execution backwards from the call). The error
 * paths' variable descriptions are vm/debug.c's; this file only names called functions. */
#include <string.h>

#include "api.h"
#include "debug.h"
#include "func.h"
#include "opcodes.h"
#include "str.h"
#include "table.h"

#define LUA_ENV_NAME "_ENV"

/* ---- function names from bytecode ---- */

static const char *upvalue_name(const Proto *p, int uv) {
  if (uv < p->sizeupvalues && p->upvalues[uv].name != NULL)
    return getstr(p->upvalues[uv].name);
  return "?";
}

/* Instructions followed by a data word that must not be decoded. */
static int has_aux(int op) {
  return op == OP_LOADKX || op == OP_NEWTABLE || op == OP_SETLIST;
}

/* Does instruction `op` write register A (and only A, for this purpose)? */
static int sets_a(int op) {
  switch (op) {
    case OP_MOVE: case OP_LOADI: case OP_LOADF: case OP_LOADK: case OP_LOADKX:
    case OP_LOADFALSE: case OP_LFALSESKIP: case OP_LOADTRUE: case OP_GETUPVAL:
    case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD:
    case OP_NEWTABLE: case OP_SELF: case OP_NOT: case OP_LEN: case OP_CONCAT:
    case OP_TESTSET: case OP_FORPREP: case OP_FORLOOP: case OP_TFORLOOP:
    case OP_CLOSURE: case OP_VARARG:
      return 1;
    default:
      return op >= OP_ADDI && op <= OP_BNOT;
  }
}

/* Last instruction before lastpc that wrote `reg`, or -1. A write inside code that
 * a forward jump may skip does not count: the value may come from either path. */
static int find_setreg(const Proto *p, int lastpc, int reg) {
  int setreg = -1, jmptarget = 0;
  for (int pc = 0; pc < lastpc; pc++) {
    Instruction i = p->code[pc];
    int op = GET_OP(i), a = GET_A(i), change;
    switch (op) {
      case OP_LOADNIL:
        change = a <= reg && reg <= a + GET_B(i);
        break;
      case OP_TFORCALL:
        change = reg >= a + 2;
        break;
      case OP_CALL: case OP_TAILCALL:
        change = reg >= a;
        break;
      case OP_JMP: {
        int dest = pc + 1 + GET_sJ(i);
        if (dest <= lastpc && dest > jmptarget)
          jmptarget = dest;
        change = 0;
        break;
      }
      default:
        change = sets_a(op) && reg == a;
        break;
    }
    if (change)
      setreg = pc < jmptarget ? -1 : pc;
    if (has_aux(op))
      pc++;
  }
  return setreg;
}

static const char *object_name(const Proto *p, int lastpc, int reg, const char **name);

static void constant_name(const Proto *p, int k, const char **name) {
  if (k < p->sizek && ttisstring(&p->k[k]))
    *name = getstr(strvalue(&p->k[k]));
  else
    *name = "?";
}

/* Name of a register used as a key: only constants give a name. */
static void register_key_name(const Proto *p, int pc, int reg, const char **name) {
  const char *what = object_name(p, pc, reg, name);
  if (!(what != NULL && *what == 'c'))
    *name = "?";
}

/* "global" when the indexed table is _ENV, else "field". */
static const char *global_or_field(const Proto *p, int pc, int t, int isup) {
  const char *name = NULL;
  if (isup)
    name = upvalue_name(p, t);
  else
    object_name(p, pc, t, &name);
  return (name != NULL && strcmp(name, LUA_ENV_NAME) == 0) ? "global" : "field";
}

static const char *object_name(const Proto *p, int lastpc, int reg, const char **name) {
  *name = func_getlocalname(p, reg + 1, lastpc);
  if (*name != NULL)
    return "local";
  int pc = find_setreg(p, lastpc, reg);
  if (pc == -1)
    return NULL;
  Instruction i = p->code[pc];
  switch (GET_OP(i)) {
    case OP_MOVE:
      if (GET_B(i) < GET_A(i))
        return object_name(p, pc, GET_B(i), name);
      return NULL;
    case OP_GETTABUP:
      constant_name(p, GET_C(i), name);
      return global_or_field(p, pc, GET_B(i), 1);
    case OP_GETTABLE:
      register_key_name(p, pc, GET_C(i), name);
      return global_or_field(p, pc, GET_B(i), 0);
    case OP_GETI:
      *name = "integer index";
      return "field";
    case OP_GETFIELD:
      constant_name(p, GET_C(i), name);
      return global_or_field(p, pc, GET_B(i), 0);
    case OP_GETUPVAL:
      *name = upvalue_name(p, GET_B(i));
      return "upvalue";
    case OP_LOADK: case OP_LOADKX: {
      int k = GET_OP(i) == OP_LOADK ? GET_D(i) : (int)p->code[pc + 1];
      if (k < p->sizek && ttisstring(&p->k[k])) {
        *name = getstr(strvalue(&p->k[k]));
        return "constant";
      }
      return NULL;
    }
    case OP_SELF:
      constant_name(p, GET_C(i), name);
      return "method";
    default:
      return NULL;
  }
}

/* Metamethod event run by the instruction at pc when it calls a function. */
static int event_of(int op) {
  switch (op) {
    case OP_SELF: case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD:
      return TM_INDEX;
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
      return TM_NEWINDEX;
    case OP_ADDI: case OP_ADDK: case OP_ADD: return TM_ADD;
    case OP_SUBK: case OP_SUB: return TM_SUB;
    case OP_MULK: case OP_MUL: return TM_MUL;
    case OP_MODK: case OP_MOD: return TM_MOD;
    case OP_POWK: case OP_POW: return TM_POW;
    case OP_DIVK: case OP_DIV: return TM_DIV;
    case OP_IDIVK: case OP_IDIV: return TM_IDIV;
    case OP_BANDK: case OP_BAND: return TM_BAND;
    case OP_BORK: case OP_BOR: return TM_BOR;
    case OP_BXORK: case OP_BXOR: return TM_BXOR;
    case OP_SHL: return TM_SHL;
    case OP_SHR: return TM_SHR;
    case OP_UNM: return TM_UNM;
    case OP_BNOT: return TM_BNOT;
    case OP_LEN: return TM_LEN;
    case OP_CONCAT: return TM_CONCAT;
    case OP_EQ: case OP_EQK: case OP_EQI: return TM_EQ;
    case OP_LT: case OP_LTI: case OP_GTI: return TM_LT;
    case OP_LE: case OP_LEI: case OP_GEI: return TM_LE;
    case OP_CLOSE: case OP_RETURN: case OP_TBC: return TM_CLOSE;
    default: return -1;
  }
}

static const char *name_from_code(lua_State *L, const Proto *p, int pc, const char **name) {
  Instruction i = p->code[pc];
  int op = GET_OP(i);
  if (op == OP_CALL || op == OP_TAILCALL)
    return object_name(p, pc, GET_A(i), name);
  if (op == OP_TFORCALL) {
    *name = "for iterator";
    return "for iterator";
  }
  int tm = event_of(op);
  if (tm < 0 || G(L)->tmname[tm] == NULL)
    return NULL;
  *name = getstr(G(L)->tmname[tm]) + 2;  /* skip the "__" */
  return "metamethod";
}

/* How the function running in ci was called, judged from its caller's code. */
static const char *called_name(lua_State *L, CallInfo *ci, const char **name) {
  if (ci == NULL || (ci->callstatus & CIST_TAIL) || ci <= L->cibase)
    return NULL;
  CallInfo *caller = ci - 1;
  if (caller->callstatus & CIST_HOOKED) {
    *name = "?";
    return "hook";
  }
  if (caller->callstatus & CIST_FIN) {
    *name = "__gc";
    return "metamethod";
  }
  if (caller != L->cibase && isLua(caller))
    return name_from_code(L, ci_func(caller)->p, dbg_pcof(caller), name);
  return NULL;
}

/* ---- stack levels and lua_getinfo ---- */

int lua_getstack(lua_State *L, int level, lua_Debug *ar) {
  if (level < 0)
    return 0;
  CallInfo *ci = L->ci - level;
  if (level > L->ci - L->cibase || ci <= L->cibase)
    return 0;
  ar->i_ci = ci;
  return 1;
}

static void func_info(lua_Debug *ar, const Value *cl) {
  if (!ttisLclosure(cl)) {
    ar->source = "=[C]";
    ar->srclen = 4;
    ar->linedefined = -1;
    ar->lastlinedefined = -1;
    ar->what = "C";
  } else {
    const Proto *p = clLvalue(cl)->p;
    if (p->source != NULL) {
      ar->source = getstr(p->source);
      ar->srclen = tsslen(p->source);
    } else {
      ar->source = "=?";
      ar->srclen = 2;
    }
    ar->linedefined = p->linedefined;
    ar->lastlinedefined = p->lastlinedefined;
    ar->what = ar->linedefined == 0 ? "main" : "Lua";
  }
  dbg_chunkid(ar->short_src, ar->source, ar->srclen);
}

/* Table of the lines that hold code ('L' option), or nil for C functions. A function
 * stripped of its line information gets an empty table, as in lua5.4. */
static void push_active_lines(lua_State *L, const Value *cl) {
  if (!ttisLclosure(cl)) {
    setnilvalue(L->top);
    L->top++;
    return;
  }
  const Proto *p = clLvalue(cl)->p;
  Table *t = tab_new(L, 0, 0);
  sethvalue(L->top, t);
  L->top++;
  Value v;
  setbtrue(&v);
  for (int pc = 0; pc < p->sizelineinfo; pc++) {
    int op = GET_OP(p->code[pc]);
    /* the function's own header instructions are not lines of the source */
    if (op != OP_VARARGPREP && op != OP_ENTER)
      tab_setint(L, t, p->lineinfo[pc], &v);
    if (has_aux(op))
      pc++;
  }
}

int lua_getinfo(lua_State *L, const char *what, lua_Debug *ar) {
  CallInfo *ci;
  Value func;
  int status = 1;
  if (*what == '>') {
    ci = NULL;
    func = L->top[-1];
    L->top--;
    what++;
  } else {
    ci = ar->i_ci;
    func = *ci->func;
  }
  for (const char *opt = what; *opt; opt++) {
    switch (*opt) {
      case 'S':
        func_info(ar, &func);
        break;
      case 'l':
        ar->currentline = (ci != NULL && isLua(ci)) ? dbg_currentline(ci) : -1;
        break;
      case 'u':
        if (ttisLclosure(&func)) {
          const Proto *p = clLvalue(&func)->p;
          ar->nups = (unsigned char)clLvalue(&func)->nupvalues;
          ar->isvararg = (char)p->is_vararg;
          ar->nparams = p->numparams;
        } else {
          ar->nups = ttisCclosure(&func) ? clCvalue(&func)->nupvalues : 0;
          ar->isvararg = 1;
          ar->nparams = 0;
        }
        break;
      case 't':
        ar->istailcall = ci != NULL ? (char)((ci->callstatus & CIST_TAIL) != 0) : 0;
        break;
      case 'n':
        ar->namewhat = called_name(L, ci, &ar->name);
        if (ar->namewhat == NULL) {
          ar->namewhat = "";
          ar->name = NULL;
        }
        break;
      case 'r':  /* values moved by the call/return a hook is reporting */
        if (ci == NULL || !(ci->callstatus & CIST_TRAN)) {
          ar->ftransfer = ar->ntransfer = 0;
        } else {
          ar->ftransfer = ci->ftransfer;
          ar->ntransfer = ci->ntransfer;
        }
        break;
      case 'L': case 'f':
        break;  /* handled below, in lua5.4's push order */
      default:
        status = 0;
    }
  }
  if (strchr(what, 'f') != NULL) {
    setobj(L->top, &func);
    L->top++;
  }
  if (strchr(what, 'L') != NULL)
    push_active_lines(L, &func);
  return status;
}

/* ---- locals ---- */

static const char *find_vararg(CallInfo *ci, int n, Value **pos) {
  if (clLvalue(ci->func)->p->is_vararg) {
    int nextra = ci->u.l.nextraargs;
    if (n >= -nextra) {  /* 'n' is negative */
      *pos = ci->func - nextra - (n + 1);
      return "(vararg)";
    }
  }
  return NULL;
}

static const char *find_local(lua_State *L, CallInfo *ci, int n, Value **pos) {
  Value *base = ci->func + 1;
  const char *name = NULL;
  if (isLua(ci)) {
    if (n < 0)
      return find_vararg(ci, n, pos);
    name = func_getlocalname(ci_func(ci)->p, n, dbg_pcof(ci));
  }
  if (name == NULL) {
    Value *limit = (ci == L->ci) ? L->top : (ci + 1)->func;
    if (limit - base >= n && n > 0)
      name = isLua(ci) ? "(temporary)" : "(C temporary)";
    else
      return NULL;
  }
  *pos = base + (n - 1);
  return name;
}

const char *lua_getlocal(lua_State *L, const lua_Debug *ar, int n) {
  if (ar == NULL) {
    /* parameters of the function on the stack top (not active) */
    const Value *f = L->top - 1;
    if (!ttisLclosure(f))
      return NULL;
    return func_getlocalname(clLvalue(f)->p, n, 0);
  }
  Value *pos = NULL;
  const char *name = find_local(L, ar->i_ci, n, &pos);
  if (name != NULL) {
    setobj(L->top, pos);
    L->top++;
  }
  return name;
}

const char *lua_setlocal(lua_State *L, const lua_Debug *ar, int n) {
  Value *pos = NULL;
  const char *name = find_local(L, ar->i_ci, n, &pos);
  if (name != NULL)
    setobj(pos, L->top - 1);
  L->top--;
  return name;
}

/* ---- upvalues ---- */

static Value *stack_index(lua_State *L, int idx) {
  if (idx > 0) {
    Value *o = L->ci->func + idx;
    return o >= L->top ? &G(L)->nilvalue : o;
  }
  return L->top + idx;
}

static const char *aux_upvalue(const Value *fi, int n, Value **val) {
  if (ttisCclosure(fi)) {
    CClosure *f = clCvalue(fi);
    if (n < 1 || n > f->nupvalues)
      return NULL;
    *val = &f->upvalue[n - 1];
    return "";
  }
  if (ttisLclosure(fi)) {
    LClosure *f = clLvalue(fi);
    const Proto *p = f->p;
    if (n < 1 || n > p->sizeupvalues || n > f->nupvalues)
      return NULL;
    *val = f->upvals[n - 1]->v;
    String *name = p->upvalues[n - 1].name;
    return name == NULL ? "(no name)" : getstr(name);
  }
  return NULL;
}

const char *lua_getupvalue(lua_State *L, int funcindex, int n) {
  Value *val = NULL;
  const char *name = aux_upvalue(stack_index(L, funcindex), n, &val);
  if (name != NULL) {
    setobj(L->top, val);
    L->top++;
  }
  return name;
}

const char *lua_setupvalue(lua_State *L, int funcindex, int n) {
  Value *val = NULL;
  const char *name = aux_upvalue(stack_index(L, funcindex), n, &val);
  if (name != NULL) {
    L->top--;
    setobj(val, L->top);
  }
  return name;
}

void *lua_upvalueid(lua_State *L, int fidx, int n) {
  const Value *fi = stack_index(L, fidx);
  if (ttisLclosure(fi)) {
    LClosure *f = clLvalue(fi);
    if (n >= 1 && n <= f->nupvalues)
      return f->upvals[n - 1];
    return NULL;
  }
  if (ttisCclosure(fi)) {
    CClosure *f = clCvalue(fi);
    if (n >= 1 && n <= f->nupvalues)
      return &f->upvalue[n - 1];
  }
  return NULL;
}

void lua_upvaluejoin(lua_State *L, int fidx1, int n1, int fidx2, int n2) {
  const Value *f1 = stack_index(L, fidx1), *f2 = stack_index(L, fidx2);
  if (!ttisLclosure(f1) || !ttisLclosure(f2))
    return;
  LClosure *c1 = clLvalue(f1), *c2 = clLvalue(f2);
  if (n1 < 1 || n1 > c1->nupvalues || n2 < 1 || n2 > c2->nupvalues)
    return;
  c1->upvals[n1 - 1] = c2->upvals[n2 - 1];
}

/* ---- hooks ---- */

void lua_sethook(lua_State *L, lua_Hook func, int mask, int count) {
  if (func == NULL || mask == 0) {
    mask = 0;
    func = NULL;
  }
  L->hook = func;
  L->basehookcount = count;
  L->hookcount = count;
  L->hookmask = mask;
}

lua_Hook lua_gethook(lua_State *L) {
  return L->hook;
}

int lua_gethookmask(lua_State *L) {
  return L->hookmask;
}

int lua_gethookcount(lua_State *L) {
  return L->basehookcount;
}

int lua_setcstacklimit(lua_State *L, unsigned int limit) {
  (void)L;
  (void)limit;
  return LUAI_MAXCCALLS;  /* obsolete in 5.4; kept for binary compatibility */
}
