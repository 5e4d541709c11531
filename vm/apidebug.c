/* The debug half of the C API: lua_getstack, lua_getinfo, locals, upvalues and hooks.
 * Function names ("global 'f'", "method 'm'", "for iterator", "metamethod 'add'") are
 * recovered from the caller's bytecode by vm/debug.c, the same search the error messages
 * use. */
#include <string.h>

#include "api.h"
#include "debug.h"
#include "func.h"
#include "opcodes.h"
#include "str.h"
#include "table.h"

/* ---- function names ---- */

/* How the function running in ci was called, judged from its caller's code. */
static const char *called_name(lua_State *L, CallInfo *ci, const char **name) {
  if (ci == NULL || (ci->callstatus & CIST_TAIL) || ci <= L->cibase)
    return NULL;
  CallInfo *caller = ci - 1;
  if (caller == L->cibase && !(caller->callstatus & (CIST_HOOKED | CIST_FIN)))
    return NULL;
  return dbg_funcnamefromcall(L, caller, name);
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

/* Instructions followed by a data word that must not be decoded. */
static int has_aux(int op) {
  return op == OP_LOADKX || op == OP_NEWTABLE || op == OP_SETLIST;
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
    /* A C function's buffer block is freed when its buffer is done: it is shown as a
     * light userdata (lua5.4 shows a userdata there), never as the string it is. */
    if (ttisstring(pos) && strvalue(pos)->extra == STR_BUFFBOX)
      setpvalue(L->top, getstr(strvalue(pos)));
    else
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
