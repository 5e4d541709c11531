/* Metamethods and the interpreter's generic slow paths: indexing through __index and
 * __newindex chains, arithmetic (lua5.4's raw rules, then the operands' metamethods),
 * comparisons with exact integer/float ordering, equality, concatenation and length.
 * The lookups of the fast events (TM_INDEX..TM_EQ) use the per-table absence bits. */
#include <math.h>

#include "meta.h"

#include "api.h"
#include "call.h"
#include "debug.h"
#include "number.h"
#include "str.h"
#include "table.h"

/* Longest __index/__newindex chain followed before giving up (lua5.4 MAXTAGLOOP). */
#define MAXTAGLOOP 2000

static const char *const tm_names[TM_N] = {
  "__index", "__newindex", "__gc", "__mode", "__len", "__eq",
  "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv",
  "__band", "__bor", "__bxor", "__shl", "__shr",
  "__unm", "__bnot", "__lt", "__le", "__concat", "__call", "__close"
};

static const char *const type_names[LUA_NUMTYPES] = {
  "nil", "boolean", "userdata", "number", "string", "table", "function", "userdata",
  "thread"
};

void meta_init(lua_State *L) {
  for (int i = 0; i < TM_N; i++)
    G(L)->tmname[i] = str_newz(L, tm_names[i]);
}

const Value *meta_gettable(Table *mt, TMS event, String *name) {
  const Value *tm = tab_getshortstr(mt, name);
  if (ttisnil(tm)) {
    if (event <= TM_EQ)
      mt->tmcache |= (uint8_t)(1u << event);  /* remember the absence */
    return NULL;
  }
  return tm;
}

/* Fast lookup: NULL when the metatable is absent or known to lack the event. */
static inline const Value *fasttm(lua_State *L, Table *mt, TMS event) {
  if (mt == NULL || (mt->tmcache & (1u << event)))
    return NULL;
  return meta_gettable(mt, event, G(L)->tmname[event]);
}

Table *meta_getmetatable(lua_State *L, const Value *o) {
  switch (o->tt) {
    case TAG_TABLE: return tabvalue(o)->metatable;
    case TAG_UDATA: return udvalue(o)->metatable;
    default: return G(L)->mt[api_typeof(o)];
  }
}

HOT const Value *meta_get(lua_State *L, const Value *o, TMS event) {
  Table *mt = meta_getmetatable(L, o);
  if (mt == NULL)
    return NULL;
  const Value *tm = tab_getshortstr(mt, G(L)->tmname[event]);
  return ttisnil(tm) ? NULL : tm;
}

const char *meta_typename(lua_State *L, const Value *o) {
  Table *mt = NULL;
  if (ttistable(o))
    mt = tabvalue(o)->metatable;
  else if (ttisfulluserdata(o))
    mt = udvalue(o)->metatable;
  if (mt != NULL) {
    const Value *name = tab_getshortstr(mt, str_newz(L, "__name"));
    if (ttisstring(name))
      return getstr(strvalue(name));
  }
  return type_names[api_typeof(o)];
}

/* ---- calling metamethods ---- */

static int in_stack(lua_State *L, const Value *p) {
  return p >= L->stack && p < L->stack_last + EXTRA_STACK;
}

/* Call f(p1, p2) for one result stored at res (res may be a stack slot or not). */
static void call_tm_res(lua_State *L, const Value *f, const Value *p1, const Value *p2,
                        Value *res) {
  int res_in_stack = in_stack(L, res);
  ptrdiff_t result = res_in_stack ? savestack(L, res) : 0;
  Value *func = L->top;
  setobj(func, f);
  setobj(func + 1, p1);
  setobj(func + 2, p2);
  L->top = func + 3;
  if (vm_isluacode(L->ci))
    vm_call(L, func, 1);
  else
    vm_callnoyield(L, func, 1);
  if (res_in_stack)
    res = restorestack(L, result);
  L->top--;
  setobj(res, L->top);
}

/* Call f(p1, p2, p3) for no results (__newindex). */
static void call_tm(lua_State *L, const Value *f, const Value *p1, const Value *p2,
                    const Value *p3) {
  Value *func = L->top;
  setobj(func, f);
  setobj(func + 1, p1);
  setobj(func + 2, p2);
  setobj(func + 3, p3);
  L->top = func + 4;
  if (vm_isluacode(L->ci))
    vm_call(L, func, 0);
  else
    vm_callnoyield(L, func, 0);
}

/* ---- indexing ---- */

HOT void vm_gettable(lua_State *L, const Value *t, const Value *key, Value *res) {
  for (int loop = 0; loop < MAXTAGLOOP; loop++) {
    const Value *tm;
    if (ttistable(t)) {
      Table *h = tabvalue(t);
      const Value *slot = tab_get(h, key);
      if (!ttisnil(slot)) {
        setobj(res, slot);
        return;
      }
      tm = fasttm(L, h->metatable, TM_INDEX);
      if (tm == NULL) {
        setnilvalue(res);
        return;
      }
    } else {
      tm = meta_get(L, t, TM_INDEX);
      if (unlikely(tm == NULL))
        dbg_typeerror(L, t, "index");
    }
    if (ttisfunction(tm)) {
      call_tm_res(L, tm, t, key, res);
      return;
    }
    t = tm;  /* repeat the access on the metamethod value */
  }
  vm_runerror(L, "'__index' chain too long; possible loop");
}

void vm_settable(lua_State *L, const Value *t, const Value *key, const Value *val) {
  for (int loop = 0; loop < MAXTAGLOOP; loop++) {
    const Value *tm;
    if (ttistable(t)) {
      Table *h = tabvalue(t);
      const Value *slot = tab_get(h, key);
      if (!ttisnil(slot)) {
        if (unlikely(h->weakmode))  /* weak-key values are attached to their keys */
          tab_set(L, h, key, val);
        else
          setobj((Value *)slot, val);
        return;
      }
      tm = fasttm(L, h->metatable, TM_NEWINDEX);
      if (tm == NULL) {
        tab_set(L, h, key, val);  /* also clears the absence cache */
        return;
      }
    } else {
      tm = meta_get(L, t, TM_NEWINDEX);
      if (unlikely(tm == NULL))
        dbg_typeerror(L, t, "index");
    }
    if (ttisfunction(tm)) {
      call_tm(L, tm, t, key, val);
      return;
    }
    t = tm;
  }
  vm_runerror(L, "'__newindex' chain too long; possible loop");
}

/* ---- arithmetic ---- */

/* Number to integer without string coercion (lua5.4 tointegerns, mode F2Ieq). */
static int tointeger_ns(const Value *v, lua_Integer *p) {
  if (ttisinteger(v)) {
    *p = ivalue(v);
    return 1;
  }
  if (ttisfloat(v))
    return num_flttointeger(fltvalue(v), p, F2I_EQ);
  return 0;
}

static int tonumber_ns(const Value *v, double *n) {
  if (ttisfloat(v)) {
    *n = fltvalue(v);
    return 1;
  }
  if (ttisinteger(v)) {
    *n = (double)ivalue(v);
    return 1;
  }
  return 0;
}

static lua_Integer int_arith(lua_State *L, int op, lua_Integer a, lua_Integer b) {
  lua_Unsigned ua = (lua_Unsigned)a, ub = (lua_Unsigned)b;
  switch (op) {
    case LUA_OPADD: return (lua_Integer)(ua + ub);
    case LUA_OPSUB: return (lua_Integer)(ua - ub);
    case LUA_OPMUL: return (lua_Integer)(ua * ub);
    case LUA_OPMOD: return num_imod(L, a, b);
    case LUA_OPIDIV: return num_idiv(L, a, b);
    case LUA_OPBAND: return (lua_Integer)(ua & ub);
    case LUA_OPBOR: return (lua_Integer)(ua | ub);
    case LUA_OPBXOR: return (lua_Integer)(ua ^ ub);
    case LUA_OPSHL: return num_shiftl(a, b);
    case LUA_OPSHR: return num_shiftl(a, (lua_Integer)(0u - ub));
    case LUA_OPUNM: return (lua_Integer)(0u - ua);
    case LUA_OPBNOT: return (lua_Integer)(~(lua_Unsigned)0 ^ ua);
    default: return 0;
  }
}

static double flt_arith(int op, double a, double b) {
  switch (op) {
    case LUA_OPADD: return a + b;
    case LUA_OPSUB: return a - b;
    case LUA_OPMUL: return a * b;
    case LUA_OPDIV: return a / b;
    case LUA_OPPOW: return (b == 2) ? a * a : pow(a, b);
    case LUA_OPIDIV: return floor(a / b);
    case LUA_OPUNM: return -a;
    case LUA_OPMOD: return num_fmod(a, b);
    default: return 0;
  }
}

/* lua5.4 luaO_rawarith: 1 when both operands are numbers of a suitable kind. */
static int raw_arith(lua_State *L, int op, const Value *a, const Value *b, Value *res) {
  switch (op) {
    case LUA_OPBAND: case LUA_OPBOR: case LUA_OPBXOR:
    case LUA_OPSHL: case LUA_OPSHR: case LUA_OPBNOT: {
      lua_Integer i1, i2;
      if (tointeger_ns(a, &i1) && tointeger_ns(b, &i2)) {
        setivalue(res, int_arith(L, op, i1, i2));
        return 1;
      }
      return 0;
    }
    case LUA_OPDIV: case LUA_OPPOW: {
      double n1, n2;
      if (tonumber_ns(a, &n1) && tonumber_ns(b, &n2)) {
        setfltvalue(res, flt_arith(op, n1, n2));
        return 1;
      }
      return 0;
    }
    default: {
      double n1, n2;
      if (ttisinteger(a) && ttisinteger(b)) {
        setivalue(res, int_arith(L, op, ivalue(a), ivalue(b)));
        return 1;
      }
      if (tonumber_ns(a, &n1) && tonumber_ns(b, &n2)) {
        setfltvalue(res, flt_arith(op, n1, n2));
        return 1;
      }
      return 0;
    }
  }
}

void vm_arith(lua_State *L, int op, const Value *a, const Value *b, Value *res) {
  Value tmp;
  if (raw_arith(L, op, a, b, &tmp)) {
    *res = tmp;
    return;
  }
  TMS event = (TMS)(op + TM_ADD);
  const Value *tm = meta_get(L, a, event);
  if (tm == NULL)
    tm = meta_get(L, b, event);
  if (tm != NULL) {
    call_tm_res(L, tm, a, b, res);
    return;
  }
  switch (event) {
    case TM_BAND: case TM_BOR: case TM_BXOR:
    case TM_SHL: case TM_SHR: case TM_BNOT:
      if (ttisnumber(a) && ttisnumber(b))
        dbg_tointerror(L, a, b);
      dbg_opinterror(L, a, b, "perform bitwise operation on");
    default:
      dbg_opinterror(L, a, b, "perform arithmetic on");
  }
}

/* ---- comparisons ---- */

/* Does integer i fit a double exactly (|i| <= 2^53)? */
#define INT_FITS_FLT(i) ((lua_Unsigned)(i) + ((lua_Unsigned)1 << 53) <= \
                         ((lua_Unsigned)1 << 54))

static int lt_int_flt(lua_Integer i, double f) {
  if (INT_FITS_FLT(i))
    return (double)i < f;
  lua_Integer fi;
  if (num_flttointeger(f, &fi, F2I_CEIL))
    return i < fi;
  return f > 0;
}

static int le_int_flt(lua_Integer i, double f) {
  if (INT_FITS_FLT(i))
    return (double)i <= f;
  lua_Integer fi;
  if (num_flttointeger(f, &fi, F2I_FLOOR))
    return i <= fi;
  return f > 0;
}

static int lt_flt_int(double f, lua_Integer i) {
  if (INT_FITS_FLT(i))
    return f < (double)i;
  lua_Integer fi;
  if (num_flttointeger(f, &fi, F2I_FLOOR))
    return fi < i;
  return f < 0;
}

static int le_flt_int(double f, lua_Integer i) {
  if (INT_FITS_FLT(i))
    return f <= (double)i;
  lua_Integer fi;
  if (num_flttointeger(f, &fi, F2I_CEIL))
    return fi <= i;
  return f < 0;
}

int vm_ltnum(const Value *a, const Value *b) {
  if (ttisinteger(a)) {
    if (ttisinteger(b))
      return ivalue(a) < ivalue(b);
    return lt_int_flt(ivalue(a), fltvalue(b));
  }
  if (ttisfloat(b))
    return fltvalue(a) < fltvalue(b);
  return lt_flt_int(fltvalue(a), ivalue(b));
}

int vm_lenum(const Value *a, const Value *b) {
  if (ttisinteger(a)) {
    if (ttisinteger(b))
      return ivalue(a) <= ivalue(b);
    return le_int_flt(ivalue(a), fltvalue(b));
  }
  if (ttisfloat(b))
    return fltvalue(a) <= fltvalue(b);
  return le_flt_int(fltvalue(a), ivalue(b));
}

/* strcoll-based comparison that handles embedded zeros (lua5.4 l_strcmp). */
static int str_compare(const String *ls, const String *rs) {
  const char *l = getstr(ls), *r = getstr(rs);
  size_t ll = tsslen(ls), lr = tsslen(rs);
  for (;;) {
    int temp = strcoll(l, r);
    if (temp != 0)
      return temp;
    size_t len = strlen(l);
    if (len == lr)
      return (len == ll) ? 0 : 1;
    if (len == ll)
      return -1;
    len++;
    l += len; ll -= len;
    r += len; lr -= len;
  }
}

/* Call an order metamethod; returns -1 when neither operand has one. */
static int call_order_tm(lua_State *L, const Value *a, const Value *b, TMS event) {
  const Value *tm = meta_get(L, a, event);
  if (tm == NULL)
    tm = meta_get(L, b, event);
  if (tm == NULL)
    return -1;
  Value *res = L->top;  /* result lands where vm_finishop expects it after a yield */
  call_tm_res(L, tm, a, b, res);
  return !ttisfalsy(L->top);
}

int vm_lessthan(lua_State *L, const Value *a, const Value *b) {
  if (ttisnumber(a) && ttisnumber(b))
    return vm_ltnum(a, b);
  if (ttisstring(a) && ttisstring(b))
    return str_compare(strvalue(a), strvalue(b)) < 0;
  int r = call_order_tm(L, a, b, TM_LT);
  if (r < 0)
    dbg_ordererror(L, a, b);
  return r;
}

int vm_lessequal(lua_State *L, const Value *a, const Value *b) {
  if (ttisnumber(a) && ttisnumber(b))
    return vm_lenum(a, b);
  if (ttisstring(a) && ttisstring(b))
    return str_compare(strvalue(a), strvalue(b)) <= 0;
  int r = call_order_tm(L, a, b, TM_LE);
  if (r >= 0)
    return r;
  /* lua5.4's compatibility rule: a <= b as not (b < a) through __lt */
  L->ci->callstatus |= CIST_LEQ;
  r = call_order_tm(L, b, a, TM_LT);
  L->ci->callstatus &= ~CIST_LEQ;
  if (r < 0)
    dbg_ordererror(L, a, b);
  return !r;
}

int vm_rawequal(const Value *a, const Value *b) {
  return vm_equalobj(NULL, a, b);
}

int vm_equalobj(lua_State *L, const Value *a, const Value *b) {
  const Value *tm;
  if (a->tt != b->tt) {
    if (!ttisnumber(a) || !ttisnumber(b))
      return 0;
    lua_Integer i1, i2;  /* int vs float: equal only if the float is integral */
    return tointeger_ns(a, &i1) && tointeger_ns(b, &i2) && i1 == i2;
  }
  switch (a->tt) {
    case TAG_NIL: case TAG_FALSE: case TAG_TRUE:
      return 1;
    case TAG_INT:
      return ivalue(a) == ivalue(b);
    case TAG_FLT:
      return fltvalue(a) == fltvalue(b);
    case TAG_LIGHTUD:
      return pvalue(a) == pvalue(b);
    case TAG_LCF:
      return fvalue(a) == fvalue(b);
    case TAG_STR:
      return str_eq(strvalue(a), strvalue(b));
    case TAG_UDATA:
      if (udvalue(a) == udvalue(b))
        return 1;
      if (L == NULL)
        return 0;
      tm = fasttm(L, udvalue(a)->metatable, TM_EQ);
      if (tm == NULL)
        tm = fasttm(L, udvalue(b)->metatable, TM_EQ);
      break;
    case TAG_TABLE:
      if (tabvalue(a) == tabvalue(b))
        return 1;
      if (L == NULL)
        return 0;
      tm = fasttm(L, tabvalue(a)->metatable, TM_EQ);
      if (tm == NULL)
        tm = fasttm(L, tabvalue(b)->metatable, TM_EQ);
      break;
    default:
      return gcvalue(a) == gcvalue(b);
  }
  if (tm == NULL)
    return 0;
  call_tm_res(L, tm, a, b, L->top);
  return !ttisfalsy(L->top);
}

/* ---- concatenation ---- */

static int tostring_inplace(lua_State *L, Value *o) {
  if (ttisstring(o))
    return 1;
  if (!ttisnumber(o))
    return 0;
  String *s = num_tostring(L, o);
  setsvalue(o, s);
  return 1;
}

#define isemptystr(o) (ttisstring(o) && tsslen(strvalue(o)) == 0)

static void copy_strings(Value *top, int n, char *buf) {
  size_t tl = 0;
  do {
    String *s = strvalue(top - n);
    memcpy(buf + tl, getstr(s), tsslen(s));
    tl += tsslen(s);
  } while (--n > 0);
}

HOT void vm_concat(lua_State *L, int total) {
  if (total == 1)
    return;
  do {
    Value *top = L->top;
    int n = 2;
    if (!(ttisstring(top - 2) || ttisnumber(top - 2)) || !tostring_inplace(L, top - 1)) {
      const Value *tm = meta_get(L, top - 2, TM_CONCAT);
      if (tm == NULL)
        tm = meta_get(L, top - 1, TM_CONCAT);
      if (tm == NULL)
        dbg_concaterror(L, top - 2, top - 1);
      call_tm_res(L, tm, top - 2, top - 1, top - 2);
    } else if (isemptystr(top - 1)) {
      tostring_inplace(L, top - 2);
    } else if (isemptystr(top - 2)) {
      top[-2] = top[-1];
    } else {
      size_t tl = tsslen(strvalue(top - 1));
      for (n = 1; n < total && tostring_inplace(L, top - n - 1); n++) {
        size_t l = tsslen(strvalue(top - n - 1));
        if (unlikely(l >= ((size_t)-1 >> 2) - tl)) {
          L->top = top - total;
          vm_runerror(L, "string length overflow");
        }
        tl += l;
      }
      String *ts;
      if (tl <= STR_MAXSHORT) {
        char buf[STR_MAXSHORT];
        copy_strings(top, n, buf);
        ts = str_new(L, buf, tl);
      } else {
        ts = str_new_uninit(L, tl);
        copy_strings(top, n, getstr(ts));
      }
      setsvalue(top - n, ts);
    }
    total -= n - 1;
    L->top -= n - 1;
  } while (total > 1);
}

/* ---- length ---- */

void vm_objlen(lua_State *L, Value *res, const Value *o) {
  const Value *tm;
  switch (o->tt) {
    case TAG_TABLE: {
      Table *h = tabvalue(o);
      tm = fasttm(L, h->metatable, TM_LEN);
      if (tm != NULL)
        break;
      setivalue(res, (lua_Integer)tab_len(h));
      return;
    }
    case TAG_STR:
      setivalue(res, (lua_Integer)tsslen(strvalue(o)));
      return;
    default:
      tm = meta_get(L, o, TM_LEN);
      if (unlikely(tm == NULL))
        dbg_typeerror(L, o, "get length of");
      break;
  }
  call_tm_res(L, tm, o, o, res);
}

int vm_tostringbuff(const Value *o, char *buf) {
  return num_tostr(o, buf);
}
