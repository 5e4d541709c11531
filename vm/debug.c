/* Debug information for error messages: the line of the running instruction, chunk
 * names as lua5.4 shortens them, and the names of the values an error is about
 * ("(local 't')", "(global 'f')", "(field 'x')", "(upvalue 'u')", "(constant 'c')",
 * "(method 'm')"), found by symbolic execution of the bytecode as lua5.4's getobjname.
 * The C API's debug half (vm/apidebug.c) builds lua_getinfo on top of this module. */
#include "debug.h"

#include "api.h"
#include "call.h"
#include "func.h"
#include "meta.h"
#include "number.h"

int dbg_pcof(CallInfo *ci) {
  return (int)(ci->u.l.savedpc - ci_func(ci)->p->code) - 1;
}

int dbg_currentline(CallInfo *ci) {
  const Proto *p = ci_func(ci)->p;
  if (p->sizelineinfo == 0)
    return -1;
  int pc = dbg_pcof(ci);
  if (pc < 0)
    pc = 0;
  return p->lineinfo[pc];
}

/* ---- chunk names (lua5.4 luaO_chunkid) ---- */

#define RETS "..."
#define PRE "[string \""
#define POS "\"]"
#define LL(s) (sizeof(s) - 1)

void dbg_chunkid(char *out, const char *source, size_t srclen) {
  size_t bufflen = LUA_IDSIZE;
  if (*source == '=') {  /* literal source: use as is, truncated */
    if (srclen <= bufflen) {
      memcpy(out, source + 1, srclen);
    } else {
      memcpy(out, source + 1, bufflen - 1);
      out[bufflen - 1] = '\0';
    }
  } else if (*source == '@') {  /* file name: keep its end */
    if (srclen <= bufflen) {
      memcpy(out, source + 1, srclen);
    } else {
      memcpy(out, RETS, LL(RETS));
      bufflen -= LL(RETS);
      memcpy(out + LL(RETS), source + 1 + srclen - bufflen, bufflen);
    }
  } else {  /* source text: [string "first line..."] */
    const char *nl = strchr(source, '\n');
    memcpy(out, PRE, LL(PRE));
    out += LL(PRE);
    bufflen -= LL(PRE RETS POS) + 1;
    if (srclen < bufflen && nl == NULL) {
      memcpy(out, source, srclen);
      out += srclen;
    } else {
      if (nl != NULL)
        srclen = (size_t)(nl - source);
      if (srclen > bufflen)
        srclen = bufflen;
      memcpy(out, source, srclen);
      out += srclen;
      memcpy(out, RETS, LL(RETS));
      out += LL(RETS);
    }
    memcpy(out, POS, LL(POS) + 1);
  }
}

const char *dbg_addinfo(lua_State *L, const char *msg, String *src, int line) {
  char buff[LUA_IDSIZE];
  if (src != NULL) {
    dbg_chunkid(buff, getstr(src), tsslen(src));
  } else {
    buff[0] = '?';
    buff[1] = '\0';
  }
  return api_pushfstring(L, "%s:%d: %s", buff, line, msg);
}

/* ---- symbolic execution (lua5.4 getobjname/findsetreg) ---- */

static const char *upvalname(const Proto *p, int uv) {
  if (uv >= p->sizeupvalues || p->upvalues[uv].name == NULL)
    return "?";
  return getstr(p->upvalues[uv].name);
}

/* Instructions followed by an AUX data word, which must not be decoded. */
static int has_aux(int op) {
  return op == OP_LOADKX || op == OP_NEWTABLE || op == OP_SETLIST;
}

/* Does the instruction write register A? */
static int sets_a(int op) {
  switch (op) {
    case OP_SETUPVAL: case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
    case OP_CLOSE: case OP_TBC: case OP_JMP: case OP_EQ: case OP_LT: case OP_LE:
    case OP_EQK: case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
    case OP_TEST: case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_TFORPREP:
    case OP_TFORCALL: case OP_LOOP: case OP_SETLIST: case OP_ENTER: case OP_EXTRAARG:
      return 0;
    default:
      return 1;
  }
}

/* Last instruction before lastpc that surely set reg, or -1. */
static int findsetreg(const Proto *p, int lastpc, int reg) {
  int setreg = -1;
  int jmptarget = 0;  /* code before this address is conditional */
  for (int pc = 0; pc < lastpc; pc++) {
    Instruction i = p->code[pc];
    int op = GET_OP(i);
    int a = GET_A(i);
    int change;
    switch (op) {
      case OP_LOADNIL:
        change = (a <= reg && reg <= a + GET_B(i));
        break;
      case OP_TFORCALL:
        change = (reg >= a + 2);
        break;
      case OP_CALL: case OP_TAILCALL:
        change = (reg >= a);
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
      setreg = (pc < jmptarget) ? -1 : pc;
    if (has_aux(op))
      pc++;
  }
  return setreg;
}

static const char *getobjname(const Proto *p, int lastpc, int reg, const char **name);

static void kname(const Proto *p, int c, const char **name) {
  const Value *kv = &p->k[c];
  *name = ttisstring(kv) ? getstr(strvalue(kv)) : "?";
}

static void rname(const Proto *p, int pc, int c, const char **name) {
  const char *what = getobjname(p, pc, c, name);
  if (!(what && *what == 'c'))
    *name = "?";
}

static const char *gxf(const Proto *p, int pc, Instruction i, int isup) {
  int t = GET_B(i);
  const char *name = NULL;
  if (isup)
    name = upvalname(p, t);
  else
    getobjname(p, pc, t, &name);
  return (name != NULL && strcmp(name, "_ENV") == 0) ? "global" : "field";
}

static const char *getobjname(const Proto *p, int lastpc, int reg, const char **name) {
  *name = func_getlocalname(p, reg + 1, lastpc);
  if (*name != NULL)
    return "local";
  int pc = findsetreg(p, lastpc, reg);
  if (pc == -1)
    return NULL;
  Instruction i = p->code[pc];
  switch (GET_OP(i)) {
    case OP_MOVE: {
      int b = GET_B(i);
      if (b < GET_A(i))
        return getobjname(p, pc, b, name);
      break;
    }
    case OP_GETTABUP:
      kname(p, GET_C(i), name);
      return gxf(p, pc, i, 1);
    case OP_GETTABLE:
      rname(p, pc, GET_C(i), name);
      /* past the RK limit, obj:m() is compiled as MOVE A+1 B; LOADK A k;
       * GETTABLE A A+1 A (spec/bytecode.md): still a method lookup */
      if (GET_B(i) == GET_A(i) + 1 && GET_C(i) == GET_A(i)) {
        int mv = pc - 2;  /* before the LOADK, or the LOADKX and its AUX word */
        if (pc >= 3 && GET_OP(p->code[pc - 2]) == OP_LOADKX)
          mv = pc - 3;
        if (mv >= 0 && GET_OP(p->code[mv]) == OP_MOVE && GET_A(p->code[mv]) == GET_B(i))
          return "method";
      }
      return gxf(p, pc, i, 0);
    case OP_GETI:
      *name = "integer index";
      return "field";
    case OP_GETFIELD:
      kname(p, GET_C(i), name);
      return gxf(p, pc, i, 0);
    case OP_GETUPVAL:
      *name = upvalname(p, GET_B(i));
      return "upvalue";
    case OP_LOADK:
    case OP_LOADKX: {
      int b = (GET_OP(i) == OP_LOADK) ? GET_D(i) : (int)p->code[pc + 1];
      if (ttisstring(&p->k[b])) {
        *name = getstr(strvalue(&p->k[b]));
        return "constant";
      }
      break;
    }
    case OP_SELF:
      kname(p, GET_C(i), name);
      return "method";
    default:
      break;
  }
  return NULL;
}

/* Which metamethod (or call) the instruction at pc runs (lua5.4 funcnamefromcode). */
static const char *funcnamefromcode(lua_State *L, const Proto *p, int pc, const char **name) {
  TMS tm;
  Instruction i = p->code[pc];
  int op = GET_OP(i);
  switch (op) {
    case OP_CALL: case OP_TAILCALL:
      return getobjname(p, pc, GET_A(i), name);
    case OP_TFORCALL:
      *name = "for iterator";
      return "for iterator";
    case OP_SELF: case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD:
      tm = TM_INDEX;
      break;
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD:
      tm = TM_NEWINDEX;
      break;
    case OP_ADDI:
      tm = TM_ADD;
      break;
    case OP_UNM: tm = TM_UNM; break;
    case OP_BNOT: tm = TM_BNOT; break;
    case OP_LEN: tm = TM_LEN; break;
    case OP_CONCAT: tm = TM_CONCAT; break;
    case OP_EQ: tm = TM_EQ; break;
    case OP_LT: case OP_LTI: case OP_GTI: tm = TM_LT; break;
    case OP_LE: case OP_LEI: case OP_GEI: tm = TM_LE; break;
    case OP_CLOSE: case OP_RETURN: tm = TM_CLOSE; break;
    default:
      if (op >= OP_ADDK && op <= OP_BXORK)
        tm = (TMS)(TM_ADD + (op - OP_ADDK));
      else if (op >= OP_ADD && op <= OP_SHR)
        tm = (TMS)(TM_ADD + (op - OP_ADD));
      else
        return NULL;
      break;
  }
  *name = getstr(G(L)->tmname[tm]) + 2;
  return "metamethod";
}

/* Name of the function being called by frame ci (lua5.4 funcnamefromcall). */
const char *dbg_funcnamefromcall(lua_State *L, CallInfo *ci, const char **name) {
  if (ci->callstatus & CIST_HOOKED) {
    *name = "?";
    return "hook";
  }
  if (ci->callstatus & CIST_FIN) {
    *name = "__gc";
    return "metamethod";
  }
  if (isLua(ci))
    return funcnamefromcode(L, ci_func(ci)->p, dbg_pcof(ci), name);
  return NULL;
}

/* ---- variable descriptions for error messages ---- */

static const char *formatvarinfo(lua_State *L, const char *kind, const char *name) {
  if (kind == NULL)
    return "";
  return api_pushfstring(L, " (%s '%s')", kind, name);
}

static const char *varinfo(lua_State *L, const Value *o) {
  CallInfo *ci = L->ci;
  const char *name = NULL;
  const char *kind = NULL;
  if (isLua(ci)) {
    LClosure *cl = ci_func(ci);
    for (int i = 0; i < cl->nupvalues; i++) {
      if (cl->upvals[i] != NULL && cl->upvals[i]->v == o) {
        name = upvalname(cl->p, i);
        kind = "upvalue";
        break;
      }
    }
    if (kind == NULL && o >= ci->func + 1 && o < ci->top)
      kind = getobjname(cl->p, dbg_pcof(ci), (int)(o - (ci->func + 1)), &name);
  }
  return formatvarinfo(L, kind, name);
}

static NORETURN void typeerror(lua_State *L, const Value *o, const char *op,
                               const char *extra) {
  const char *t = meta_typename(L, o);
  vm_runerror(L, "attempt to %s a %s value%s", op, t, extra);
}

NORETURN void dbg_typeerror(lua_State *L, const Value *o, const char *op) {
  typeerror(L, o, op, varinfo(L, o));
}

NORETURN void dbg_callerror(lua_State *L, const Value *o) {
  const char *name = NULL;
  const char *kind = dbg_funcnamefromcall(L, L->ci, &name);
  const char *extra = kind != NULL ? formatvarinfo(L, kind, name) : varinfo(L, o);
  typeerror(L, o, "call", extra);
}

NORETURN void dbg_forerror(lua_State *L, const Value *o, const char *what) {
  vm_runerror(L, "bad 'for' %s (number expected, got %s)", what, meta_typename(L, o));
}

NORETURN void dbg_concaterror(lua_State *L, const Value *a, const Value *b) {
  if (ttisstring(a) || ttisnumber(a))
    a = b;
  dbg_typeerror(L, a, "concatenate");
}

NORETURN void dbg_opinterror(lua_State *L, const Value *a, const Value *b, const char *msg) {
  if (!ttisnumber(a))
    b = a;  /* the first operand is the wrong one */
  dbg_typeerror(L, b, msg);
}

NORETURN void dbg_tointerror(lua_State *L, const Value *a, const Value *b) {
  lua_Integer temp;
  if (!(ttisinteger(a) || (ttisfloat(a) && num_flttointeger(fltvalue(a), &temp, F2I_EQ))))
    b = a;
  vm_runerror(L, "number%s has no integer representation", varinfo(L, b));
}

NORETURN void dbg_ordererror(lua_State *L, const Value *a, const Value *b) {
  const char *t1 = meta_typename(L, a);
  const char *t2 = meta_typename(L, b);
  if (strcmp(t1, t2) == 0)
    vm_runerror(L, "attempt to compare two %s values", t1);
  vm_runerror(L, "attempt to compare %s with %s", t1, t2);
}

const char *dbg_findlocal(lua_State *L, CallInfo *ci, int n, Value **pos) {
  Value *base = ci->func + 1;
  const char *name = NULL;
  if (isLua(ci)) {
    if (n < 0) {  /* varargs sit below the moved function slot */
      if (ci_func(ci)->p->is_vararg) {
        int nextra = ci->u.l.nextraargs;
        if (n >= -nextra) {
          if (pos != NULL)
            *pos = ci->func - nextra - (n + 1);
          return "(vararg)";
        }
      }
      return NULL;
    }
    name = func_getlocalname(ci_func(ci)->p, n, dbg_pcof(ci));
  }
  if (name == NULL) {
    Value *limit = (ci == L->ci) ? L->top : (ci + 1)->func;
    if (limit - base >= n && n > 0)
      name = isLua(ci) ? "(temporary)" : "(C temporary)";
    else
      return NULL;
  }
  if (pos != NULL)
    *pos = base + (n - 1);
  return name;
}
