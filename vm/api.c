/* The Lua 5.4 C API on top of Cove's internals: stack indices to values, push/get/set,
 * calls and loading, coroutines, warnings and the collector. The debug half of the API
 * (lua_getstack, lua_getinfo, locals, upvalues, hooks) is in vm/apidebug.c. State
 * creation (lua_newstate, lua_close, lua_newthread) lives in vm/state.c.
 * spec/capi.md lists where behaviour differs from lua5.4. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "call.h"
#include "func.h"
#include "gc.h"
#include "meta.h"
#include "number.h"
#include "str.h"
#include "table.h"
#include "../compiler/compiler.h"
#include "../compiler/dump.h"
#include "../compiler/undump.h"

const char lua_ident[] =
  "$LuaVersion: Cove 0.1 (" LUA_RELEASE " compatible) $"
  "$LuaAuthors: Cove authors; Lua API by " LUA_AUTHORS " $";

/* ---- stack indices ---- */

/* A C function's upvalue pseudo-index, a too-large positive index or a missing upvalue
 * all yield the shared nil; lua_type tells "none" from nil by this pointer identity. */
#define isvalid(L, o) (!ttisnil(o) || (o) != &G(L)->nilvalue)

/* API misuse checks at lua5.4's points and with its messages (lapi.c, llimits.h).
 * A debug build (`make debug`: -DLUA_USE_APICHECK) gets luaconf.h's
 * luai_apicheck = assert, so a broken rule aborts with "Assertion `(cond) && "msg"'
 * failed", exactly as a lua5.4 built with LUA_USE_APICHECK. Off by default. */
#if defined(luai_apicheck)
#define api_check(L, e, msg) luai_apicheck(L, (e) && msg)
#else
#define api_check(L, e, msg) ((void)(L))
#endif
#define api_checknelems(L, n) \
  api_check(L, (n) < ((L)->top - (L)->ci->func), "not enough elements in the stack")
/* lua5.4's limit on C closure upvalues (and thus on upvalue pseudo-indices) */
#define MAXUPVAL 255
#define ispseudo(i) ((i) <= LUA_REGISTRYINDEX)

#define api_incr_top(L) \
  ((L)->top++, api_check(L, (L)->top <= (L)->ci->top, "stack overflow"))

static inline __attribute__((always_inline)) Value *index2value(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    Value *o = ci->func + idx;
    api_check(L, idx <= ci->top - (ci->func + 1), "unacceptable index");
    return o >= L->top ? &G(L)->nilvalue : o;
  }
  if (idx > LUA_REGISTRYINDEX) {
    api_check(L, idx != 0 && -idx <= L->top - (ci->func + 1), "invalid index");
    return L->top + idx;
  }
  if (idx == LUA_REGISTRYINDEX)
    return &G(L)->registry;
  idx = LUA_REGISTRYINDEX - idx;  /* upvalue number */
  api_check(L, idx <= MAXUPVAL + 1, "upvalue index too large");
  if (ttisCclosure(ci->func)) {
    CClosure *f = clCvalue(ci->func);
    if (idx <= f->nupvalues)
      return &f->upvalue[idx - 1];
  }
  return &G(L)->nilvalue;  /* light C functions have no upvalues */
}

/* Index of a real stack slot (not a pseudo-index). */
static Value *index2stack(lua_State *L, int idx) {
  CallInfo *ci = L->ci;
  if (idx > 0) {
    api_check(L, ci->func + idx < L->top, "invalid index");
    return ci->func + idx;
  }
  api_check(L, idx != 0 && -idx <= L->top - (ci->func + 1), "invalid index");
  api_check(L, !ispseudo(idx), "invalid index");
  return L->top + idx;
}

static void globals_table(lua_State *L, Value *out) {
  *out = *tab_getint(tabvalue(&G(L)->registry), LUA_RIDX_GLOBALS);
}

HOT int api_typeof(const Value *o) {
  switch (ttype(o)) {
    case TAG_NIL: return LUA_TNIL;
    case TAG_FALSE: case TAG_TRUE: return LUA_TBOOLEAN;
    case TAG_INT: case TAG_FLT: return LUA_TNUMBER;
    case TAG_LIGHTUD: return LUA_TLIGHTUSERDATA;
    case TAG_STR: return LUA_TSTRING;
    case TAG_TABLE: return LUA_TTABLE;
    case TAG_LCF: case TAG_LCL: case TAG_CCL: return LUA_TFUNCTION;
    case TAG_UDATA: return LUA_TUSERDATA;
    case TAG_THREAD: return LUA_TTHREAD;
    default: return LUA_TNIL;  /* internal tags never reach the stack */
  }
}

/* ---- basic stack manipulation ---- */

int lua_absindex(lua_State *L, int idx) {
  return (idx > 0 || idx <= LUA_REGISTRYINDEX) ? idx
                                              : (int)(L->top - L->ci->func) + idx;
}

HOT int lua_gettop(lua_State *L) {
  return (int)(L->top - (L->ci->func + 1));
}

HOT void lua_settop(lua_State *L, int idx) {
  Value *newtop;
  if (idx >= 0) {
    api_check(L, idx <= L->stack_last - (L->ci->func + 1), "new top too large");
    newtop = L->ci->func + 1 + idx;
    while (L->top < newtop)
      setnilvalue(L->top++);
  } else {
    api_check(L, -(idx + 1) <= (L->top - (L->ci->func + 1)), "invalid new top");
    newtop = L->top + idx + 1;
  }
  /* Dropping a to-be-closed slot closes it, as lua5.4 does. */
  if (newtop < L->top && L->tbclist != NULL && L->tbclist >= newtop)
    newtop = func_close(L, newtop, LUA_OK, 0);
  L->top = newtop;
}

void lua_closeslot(lua_State *L, int idx) {
  Value *level = index2stack(L, idx);
  api_check(L, L->tbclist == level, "no variable to close at given level");
  level = func_close(L, level, LUA_OK, 0);
  setnilvalue(level);
}

static void reverse(Value *from, Value *to) {
  for (; from < to; from++, to--) {
    Value temp = *from;
    *from = *to;
    *to = temp;
  }
}

/* Rotation by three reversals: [a b] -> [b' a'] -> reversed whole = [b a]. */
HOT void lua_rotate(lua_State *L, int idx, int n) {
  Value *t = L->top - 1;
  Value *p = index2stack(L, idx);
  Value *m = n >= 0 ? t - n : p - n - 1;
  api_check(L, (n >= 0 ? n : -n) <= (t - p + 1), "invalid 'n'");
  reverse(p, m);
  reverse(m + 1, t);
  reverse(p, t);
}

void lua_copy(lua_State *L, int fromidx, int toidx) {
  Value *fr = index2value(L, fromidx);
  Value *to = index2value(L, toidx);
  api_check(L, isvalid(L, to), "invalid index");
  setobj(to, fr);
}

HOT void lua_pushvalue(lua_State *L, int idx) {
  setobj(L->top, index2value(L, idx));
  api_incr_top(L);
}

HOT int lua_checkstack(lua_State *L, int n) {
  CallInfo *ci = L->ci;
  int ok = 1;
  api_check(L, n >= 0, "negative 'n'");
  if (n < 0)
    return 1;  /* lua5.4 (api checks off): no room needed, nothing changes */
  if (L->stack_last - L->top <= n) {
    ptrdiff_t inuse = (L->top - L->stack) + EXTRA_STACK;
    if (inuse > LUAI_MAXSTACK - n) {
      ok = 0;
    } else {
      vm_growstack(L, n, 0);
      ok = L->stack_last - L->top >= n;  /* growth may give exactly n free slots */
    }
  }
  if (ok && ci->top < L->top + n)
    ci->top = L->top + n;
  return ok;
}

void lua_xmove(lua_State *from, lua_State *to, int n) {
  if (from == to)
    return;
  api_checknelems(from, n);
  api_check(from, G(from) == G(to), "moving among independent states");
  api_check(from, to->ci->top - to->top >= n, "stack overflow");
  from->top -= n;
  for (int i = 0; i < n; i++)
    setobj(to->top + i, from->top + i);
  to->top += n;
}

/* ---- access functions (stack -> C) ---- */

HOT int lua_type(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return isvalid(L, o) ? api_typeof(o) : LUA_TNONE;
}

/* For table.sort (stdlib/tablib.c): sorts t[1..n] of the table at idx in place when
 * tab_sort_plain can, else returns 0 (not part of the public API). */
int luai_sortplain(lua_State *L, int idx, lua_Integer n) {
  const Value *o = index2value(L, idx);
  return ttistable(o) && n > 0 && tab_sort_plain(L, tabvalue(o), (lua_Unsigned)n);
}

/* For the base library's type(): the name of type t as a string, pushed without
 * looking it up (not part of the public API). */
void luai_pushtypename(lua_State *L, int t) {
  api_check(L, LUA_TNONE <= t && t < LUA_NUMTYPES, "invalid type");
  setsvalue(L->top, G(L)->typenames[t + 1]);
  api_incr_top(L);
}

const char *lua_typename(lua_State *L, int t) {
  static const char *const names[LUA_NUMTYPES + 1] = {
    "no value", "nil", "boolean", "userdata", "number", "string",
    "table", "function", "userdata", "thread"
  };
  (void)L;
  api_check(L, LUA_TNONE <= t && t < LUA_NUMTYPES, "invalid type");
  if (t < LUA_TNONE || t >= LUA_NUMTYPES)
    return "?";
  return names[t + 1];
}

int lua_iscfunction(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return ttislcf(o) || ttisCclosure(o);
}

HOT int lua_isinteger(lua_State *L, int idx) {
  return ttisinteger(index2value(L, idx));
}

int lua_isnumber(lua_State *L, int idx) {
  double n;
  return num_tonumber(index2value(L, idx), &n);
}

int lua_isstring(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return ttisstring(o) || ttisnumber(o);
}

int lua_isuserdata(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return ttisfulluserdata(o) || ttislightuserdata(o);
}

int lua_rawequal(lua_State *L, int index1, int index2) {
  const Value *o1 = index2value(L, index1);
  const Value *o2 = index2value(L, index2);
  return (isvalid(L, o1) && isvalid(L, o2)) ? vm_rawequal(o1, o2) : 0;
}

void lua_arith(lua_State *L, int op) {
  Value a, b, res;
  if (op != LUA_OPUNM && op != LUA_OPBNOT) {
    api_checknelems(L, 2);
  } else {
    api_checknelems(L, 1);
    /* unary: the operand doubles as a fake second operand, as lua5.4 does */
    setobj(L->top, L->top - 1);
    api_incr_top(L);
  }
  a = L->top[-2];
  b = L->top[-1];
  vm_arith(L, op, &a, &b, &res);
  L->top -= 1;
  setobj(L->top - 1, &res);
}

HOT int lua_compare(lua_State *L, int index1, int index2, int op) {
  Value a, b;
  const Value *o1 = index2value(L, index1);
  const Value *o2 = index2value(L, index2);
  if (!isvalid(L, o1) || !isvalid(L, o2))
    return 0;
  if (ttisinteger(o1) && ttisinteger(o2)) {  /* table.sort on integers */
    lua_Integer i1 = ivalue(o1), i2 = ivalue(o2);
    switch (op) {
      case LUA_OPEQ: return i1 == i2;
      case LUA_OPLT: return i1 < i2;
      case LUA_OPLE: return i1 <= i2;
      default: return 0;
    }
  }
  /* Numbers and strings compare without metamethods, straight from the stack (table.sort
   * spends its time here). */
  if ((ttisnumber(o1) && ttisnumber(o2)) || (ttisstring(o1) && ttisstring(o2))) {
    switch (op) {
      case LUA_OPEQ: return vm_equalobj(L, o1, o2);
      case LUA_OPLT: return vm_lessthan(L, o1, o2);
      case LUA_OPLE: return vm_lessequal(L, o1, o2);
      default: return 0;
    }
  }
  /* copies: a metamethod call may reallocate the stack under o1/o2 */
  a = *o1;
  b = *o2;
  switch (op) {
    case LUA_OPEQ: return vm_equalobj(L, &a, &b);
    case LUA_OPLT: return vm_lessthan(L, &a, &b);
    case LUA_OPLE: return vm_lessequal(L, &a, &b);
    default: return 0;
  }
}

size_t lua_stringtonumber(lua_State *L, const char *s) {
  size_t sz = num_str2number(s, L->top);
  if (sz != 0)
    api_incr_top(L);
  return sz;
}

HOT lua_Number lua_tonumberx(lua_State *L, int idx, int *pisnum) {
  double n = 0;
  int isnum = num_tonumber(index2value(L, idx), &n);
  if (pisnum)
    *pisnum = isnum;
  return isnum ? n : 0;
}

HOT lua_Integer lua_tointegerx(lua_State *L, int idx, int *pisnum) {
  const Value *o = index2value(L, idx);
  if (ttisinteger(o)) {  /* luaL_checkinteger's usual case */
    if (pisnum)
      *pisnum = 1;
    return ivalue(o);
  }
  lua_Integer res = 0;
  int isnum = num_tointeger(o, &res, F2I_EQ);
  if (pisnum)
    *pisnum = isnum;
  return isnum ? res : 0;
}

HOT int lua_toboolean(lua_State *L, int idx) {
  return !ttisfalsy(index2value(L, idx));
}

HOT const char *lua_tolstring(lua_State *L, int idx, size_t *len) {
  Value *o = index2value(L, idx);
  if (!ttisstring(o)) {
    if (!ttisnumber(o)) {
      if (len != NULL)
        *len = 0;
      return NULL;
    }
    /* numbers are converted in place, as the manual warns (confuses lua_next) */
    String *s = num_tostring(L, o);
    o = index2value(L, idx);  /* conversion may have run the collector; index stays valid */
    setsvalue(o, s);
  }
  if (len != NULL)
    *len = tsslen(strvalue(o));
  return getstr(strvalue(o));
}

lua_Unsigned lua_rawlen(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  switch (ttype(o)) {
    case TAG_STR: return tsslen(strvalue(o));
    case TAG_UDATA: return udvalue(o)->len;
    case TAG_TABLE: return tab_len(tabvalue(o));
    default: return 0;
  }
}

lua_CFunction lua_tocfunction(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  if (ttislcf(o))
    return fvalue(o);
  if (ttisCclosure(o))
    return clCvalue(o)->f;
  return NULL;
}

static void *touserdata(const Value *o) {
  if (ttisfulluserdata(o))
    return getudatamem(udvalue(o));
  if (ttislightuserdata(o))
    return pvalue(o);
  return NULL;
}

void *lua_touserdata(lua_State *L, int idx) {
  return touserdata(index2value(L, idx));
}

lua_State *lua_tothread(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  return ttisthread(o) ? thvalue(o) : NULL;
}

const void *lua_topointer(lua_State *L, int idx) {
  const Value *o = index2value(L, idx);
  switch (ttype(o)) {
    case TAG_LCF: return (const void *)(size_t)fvalue(o);
    case TAG_UDATA: case TAG_LIGHTUD: return touserdata(o);
    default:
      return iscollectable(o) ? (const void *)gcvalue(o) : NULL;
  }
}

/* ---- push functions (C -> stack) ---- */

void lua_pushnil(lua_State *L) {
  setnilvalue(L->top);
  api_incr_top(L);
}

void lua_pushnumber(lua_State *L, lua_Number n) {
  setfltvalue(L->top, n);
  api_incr_top(L);
}

HOT void lua_pushinteger(lua_State *L, lua_Integer n) {
  setivalue(L->top, n);
  api_incr_top(L);
}

HOT const char *lua_pushlstring(lua_State *L, const char *s, size_t len) {
  String *ts = len == 0 ? str_new(L, "", 0) : str_new(L, s, len);
  setsvalue(L->top, ts);
  api_incr_top(L);
  return getstr(ts);
}

HOT const char *lua_pushstring(lua_State *L, const char *s) {
  if (s == NULL) {
    setnilvalue(L->top);
    api_incr_top(L);
    return NULL;
  }
  String *ts = str_newz(L, s);
  setsvalue(L->top, ts);
  api_incr_top(L);
  return getstr(ts);
}

const char *lua_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  return api_pushvfstring(L, fmt, argp);
}

const char *lua_pushfstring(lua_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  const char *ret = api_pushvfstring(L, fmt, argp);
  va_end(argp);
  return ret;
}

void lua_pushcclosure(lua_State *L, lua_CFunction fn, int n) {
  if (n == 0) {
    setfvalue(L->top, fn);
    api_incr_top(L);
    return;
  }
  api_checknelems(L, n);
  api_check(L, n <= MAXUPVAL, "upvalue index too large");
  CClosure *cl = func_newCclosure(L, n);
  cl->f = fn;
  L->top -= n;
  for (int i = 0; i < n; i++)
    setobj(&cl->upvalue[i], L->top + i);
  setclCvalue(L->top, cl);
  api_incr_top(L);
}

void lua_pushboolean(lua_State *L, int b) {
  setbvalue(L->top, b != 0);
  api_incr_top(L);
}

void lua_pushlightuserdata(lua_State *L, void *p) {
  setpvalue(L->top, p);
  api_incr_top(L);
}

int lua_pushthread(lua_State *L) {
  setthvalue(L->top, L);
  api_incr_top(L);
  return G(L)->mainthread == L;
}

/* ---- get functions (Lua -> stack) ----
 * The generic paths work on copies held in C locals: a metamethod call may reallocate
 * the stack, and Boehm scans the C stack, so the copies keep their objects alive. */

static int push_result(lua_State *L, const Value *res) {
  setobj(L->top, res);
  api_incr_top(L);
  return api_typeof(res);
}

static int getstr_from(lua_State *L, const Value *t, const char *k) {
  Value tv = *t, key, res;
  setsvalue(&key, str_newz(L, k));
  vm_gettable(L, &tv, &key, &res);
  return push_result(L, &res);
}

int lua_getglobal(lua_State *L, const char *name) {
  Value gt;
  globals_table(L, &gt);
  return getstr_from(L, &gt, name);
}

int lua_gettable(lua_State *L, int idx) {
  Value t = *index2value(L, idx), key = L->top[-1], res;
  vm_gettable(L, &t, &key, &res);
  setobj(L->top - 1, &res);
  return api_typeof(&res);
}

int lua_getfield(lua_State *L, int idx, const char *k) {
  return getstr_from(L, index2value(L, idx), k);
}

HOT int lua_geti(lua_State *L, int idx, lua_Integer n) {
  const Value *o = index2value(L, idx);
  if (ttistable(o)) {
    Table *h = tabvalue(o);
    lua_Unsigned k = (lua_Unsigned)n - 1u;
    if (k < h->asize && !ttisnil(&h->array[k]))  /* table.sort's and ipairs' case */
      return push_result(L, tab_arrayslot(h, (unsigned)k));
    const Value *slot = tab_getint(h, n);
    if (!tab_isabsent(slot) && !ttisnil(slot))
      return push_result(L, slot);
  }
  /* a copy only on the slow path: a metamethod may reallocate the stack under o */
  Value t = *o, key, res;
  setivalue(&key, n);
  vm_gettable(L, &t, &key, &res);
  return push_result(L, &res);
}

static Table *gettable_arg(lua_State *L, int idx) {
  const Value *t = index2value(L, idx);
  api_check(L, ttistable(t), "table expected");
  return ttistable(t) ? tabvalue(t) : NULL;
}

static int push_raw(lua_State *L, const Value *slot) {
  if (tab_isabsent(slot)) {
    setnilvalue(L->top);
    api_incr_top(L);
    return LUA_TNIL;
  }
  return push_result(L, slot);
}

HOT int lua_rawget(lua_State *L, int idx) {
  Table *t = gettable_arg(L, idx);
  if (t == NULL)
    return LUA_TNIL;
  const Value *slot = tab_get(t, L->top - 1);
  L->top--;
  return push_raw(L, slot);
}

int lua_rawgeti(lua_State *L, int idx, lua_Integer n) {
  Table *t = gettable_arg(L, idx);
  if (t == NULL)
    return LUA_TNIL;
  return push_raw(L, tab_getint(t, n));
}

int lua_rawgetp(lua_State *L, int idx, const void *p) {
  Table *t = gettable_arg(L, idx);
  Value k;
  if (t == NULL)
    return LUA_TNIL;
  setpvalue(&k, (void *)p);
  return push_raw(L, tab_get(t, &k));
}

void lua_createtable(lua_State *L, int narray, int nrec) {
  Table *t = tab_new(L, narray > 0 ? (unsigned)narray : 0, nrec > 0 ? (unsigned)nrec : 0);
  sethvalue(L->top, t);
  api_incr_top(L);
}

int lua_getmetatable(lua_State *L, int objindex) {
  Table *mt = meta_getmetatable(L, index2value(L, objindex));
  if (mt == NULL)
    return 0;
  sethvalue(L->top, mt);
  api_incr_top(L);
  return 1;
}

int lua_getiuservalue(lua_State *L, int idx, int n) {
  const Value *o = index2value(L, idx);
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  if (!ttisfulluserdata(o) || n <= 0 || n > udvalue(o)->nuvalue) {
    setnilvalue(L->top);
    api_incr_top(L);
    return LUA_TNONE;
  }
  return push_result(L, &udvalue(o)->uv[n - 1]);
}

void *lua_newuserdatauv(lua_State *L, size_t size, int nuvalue) {
  api_check(L, 0 <= nuvalue && nuvalue < USHRT_MAX, "invalid value");
  if (nuvalue < 0 || nuvalue > USHRT_MAX)
    nuvalue = 0;
  if (size > (size_t)1 << 60)
    vm_runerror(L, "memory allocation error: block too big");
  Udata *u = (Udata *)gc_new(L, offsetof(Udata, block) + size, TAG_UDATA);
  u->len = size;
  u->nuvalue = (unsigned short)nuvalue;
  u->metatable = NULL;
  /* gc_alloc zero-fills, and a zero Value is nil */
  u->uv = nuvalue > 0 ? gc_alloc(L, (size_t)nuvalue * sizeof(Value)) : NULL;
  setuvalue(L->top, u);
  api_incr_top(L);
  return getudatamem(u);
}

/* For lauxlib's buffers (vm/lauxlib.c): `size` bytes the buffer alone writes into,
 * pushed as a private long string. Unlike a userdata the block is neither zeroed nor
 * scanned by the collector: a growing buffer no longer clears every new block (gsub
 * over a large subject made half of its cache write misses there). */
char *luai_newbuffbox(lua_State *L, size_t size) {
  String *ts = str_new_uninit(L, size);
  ts->extra = STR_BUFFBOX;
  setsvalue(L->top, ts);
  api_incr_top(L);
  return ts->data;
}

/* The buffer is done with the block (it grew out of it, or its result is pushed). */
void luai_freebuffbox(lua_State *L, char *data) {
  gc_free(L, (char *)data - offsetof(String, data));
}

/* ---- set functions (stack -> Lua) ---- */

static void setstr_into(lua_State *L, const Value *t, const char *k) {
  api_checknelems(L, 1);
  Value tv = *t, key, val = L->top[-1];
  setsvalue(&key, str_newz(L, k));
  vm_settable(L, &tv, &key, &val);
  L->top--;
}

void lua_setglobal(lua_State *L, const char *name) {
  Value gt;
  globals_table(L, &gt);
  setstr_into(L, &gt, name);
}

void lua_settable(lua_State *L, int idx) {
  api_checknelems(L, 2);
  Value t = *index2value(L, idx), key = L->top[-2], val = L->top[-1];
  vm_settable(L, &t, &key, &val);
  L->top -= 2;
}

void lua_setfield(lua_State *L, int idx, const char *k) {
  setstr_into(L, index2value(L, idx), k);
}

HOT void lua_seti(lua_State *L, int idx, lua_Integer n) {
  api_checknelems(L, 1);
  const Value *o = index2value(L, idx);
  if (ttistable(o)) {  /* an array slot holding a value: no __newindex, no rehash */
    Table *h = tabvalue(o);
    lua_Unsigned k = (lua_Unsigned)n - 1u;
    if (k < h->asize && !ttisnil(&h->array[k])) {
      setobj(tab_arrayslot(h, (unsigned)k), L->top - 1);
      L->top--;
      return;
    }
  }
  Value t = *o, key, val = L->top[-1];
  setivalue(&key, n);
  vm_settable(L, &t, &key, &val);
  L->top--;
}

/* Raw stores may add a "__xxx" field to a table used as a metatable: forget its cache
 * of absent metamethods. */
static void rawset_value(lua_State *L, int idx, const Value *key, int npop) {
  api_checknelems(L, npop);
  Table *t = gettable_arg(L, idx);
  if (t != NULL) {
    tab_set(L, t, key, L->top - 1);
    t->tmcache = 0;
  }
  L->top -= npop;
}

void lua_rawset(lua_State *L, int idx) {
  Value key = L->top[-2];
  rawset_value(L, idx, &key, 2);
}

void lua_rawseti(lua_State *L, int idx, lua_Integer n) {
  api_checknelems(L, 1);
  Table *t = gettable_arg(L, idx);
  if (t != NULL)
    tab_setint(L, t, n, L->top - 1);
  L->top--;
}

void lua_rawsetp(lua_State *L, int idx, const void *p) {
  Value key;
  setpvalue(&key, (void *)p);
  rawset_value(L, idx, &key, 1);
}

int lua_setmetatable(lua_State *L, int objindex) {
  api_checknelems(L, 1);
  api_check(L, ttisnil(L->top - 1) || ttistable(L->top - 1), "table expected");
  Value *obj = index2value(L, objindex);
  Table *mt = ttisnil(L->top - 1) ? NULL : tabvalue(L->top - 1);
  switch (ttype(obj)) {
    case TAG_TABLE:
      tabvalue(obj)->metatable = mt;
      gc_check_metatable(L, gcvalue(obj), mt);  /* also when NULL: a weak table turns strong */
      break;
    case TAG_UDATA:
      udvalue(obj)->metatable = mt;
      if (mt != NULL)
        gc_check_metatable(L, gcvalue(obj), mt);
      break;
    default:
      G(L)->mt[api_typeof(obj)] = mt;
      break;
  }
  L->top--;
  return 1;
}

int lua_setiuservalue(lua_State *L, int idx, int n) {
  Value *o;
  int ok = 0;
  api_checknelems(L, 1);
  o = index2value(L, idx);
  api_check(L, ttisfulluserdata(o), "full userdata expected");
  if (ttisfulluserdata(o) && n > 0 && n <= udvalue(o)->nuvalue) {
    setobj(&udvalue(o)->uv[n - 1], L->top - 1);
    ok = 1;
  }
  L->top--;
  return ok;
}

/* ---- 'load' and 'call' functions ---- */

/* Upper 16 bits of nCcalls count non-yieldable calls (as lua5.4). */
#define yieldable(L) (((L)->nCcalls & 0xffff0000u) == 0)
#define NONYIELD_INC 0x10000u

/* With LUA_MULTRET the callee may leave more values than the frame reserved. */
/* lua5.4's checks shared by lua_callk and lua_pcallk. */
#define check_call(L, k, nargs, nresults) \
  (api_check(L, (k) == NULL || !isLua((L)->ci), "cannot use continuations inside hooks"), \
   api_checknelems(L, (nargs) + 1), \
   api_check(L, (L)->status == LUA_OK, "cannot do calls on non-normal thread"), \
   api_check(L, (nresults) == LUA_MULTRET || \
                ((L)->ci->top - (L)->top >= (nresults) - (nargs)), \
             "results from function overflow current stack size"))

static void adjust_results(lua_State *L, int nres) {
  if (nres <= LUA_MULTRET && L->ci->top < L->top)
    L->ci->top = L->top;
}

void lua_callk(lua_State *L, int nargs, int nresults, lua_KContext ctx, lua_KFunction k) {
  Value *func;
  gc_ensure_attached();
  check_call(L, k, nargs, nresults);
  func = L->top - (nargs + 1);
  if (k != NULL && yieldable(L)) {
    L->ci->u.c.k = k;
    L->ci->u.c.ctx = ctx;
    vm_call(L, func, nresults);
  } else {
    vm_callnoyield(L, func, nresults);
  }
  adjust_results(L, nresults);
}

struct CallS {
  Value *func;
  int nresults;
};

static void f_call(lua_State *L, void *ud) {
  struct CallS *c = ud;
  vm_callnoyield(L, c->func, c->nresults);
}

int lua_pcallk(lua_State *L, int nargs, int nresults, int errfunc, lua_KContext ctx,
               lua_KFunction k) {
  struct CallS c;
  int status;
  gc_ensure_attached();
  ptrdiff_t func = 0;
  check_call(L, k, nargs, nresults);
  if (errfunc != 0) {
    Value *o = index2stack(L, errfunc);
    api_check(L, ttisfunction(o), "error handler must be a function");
    func = savestack(L, o);
  }
  c.func = L->top - (nargs + 1);
  if (k == NULL || !yieldable(L)) {
    c.nresults = nresults;
    status = vm_pcall(L, f_call, &c, savestack(L, c.func), func);
  } else {
    /* A yieldable pcall: no setjmp here; the frame is marked so that an error or a
     * resume finds the continuation and the saved error handler (vm/call.c). */
    CallInfo *ci = L->ci;
    ci->u.c.k = k;
    ci->u.c.ctx = ctx;
    ci->u2.funcidx = (int)savestack(L, c.func);
    ci->u.c.old_errfunc = L->errfunc;
    L->errfunc = func;
    ci->callstatus |= CIST_YPCALL;
    vm_call(L, c.func, nresults);
    ci->callstatus &= ~CIST_YPCALL;
    L->errfunc = ci->u.c.old_errfunc;
    status = LUA_OK;
  }
  adjust_results(L, nresults);
  return status;
}

/* Chunk loading: the reader's pieces are gathered into one buffer (the compiler
 * wants the whole text, the undumper the whole chunk), inside the protected call so
 * reader errors become load errors as in lua5.4. */
struct LoadS {
  lua_Reader reader;
  void *data;
  const char *chunkname;
  const char *mode;
  Proto *proto;
};

static void check_mode(lua_State *L, const char *mode, const char *kind) {
  if (mode != NULL && strchr(mode, kind[0]) == NULL) {
    api_pushfstring(L, "attempt to load a %s chunk (mode is '%s')", kind, mode);
    vm_throw(L, LUA_ERRSYNTAX);
  }
}

static void f_parser(lua_State *L, void *ud) {
  struct LoadS *ls = ud;
  size_t cap = 0, len = 0;
  char *buf = NULL;
  for (;;) {
    size_t sz = 0;
    const char *piece = ls->reader(L, ls->data, &sz);
    if (piece == NULL || sz == 0)
      break;
    if (len + sz + 1 > cap) {
      size_t ncap = cap == 0 ? 256 : cap;
      while (ncap < len + sz + 1)
        ncap *= 2;
      buf = buf == NULL ? gc_alloc_atomic(L, ncap) : gc_realloc(L, buf, cap, ncap);
      cap = ncap;
    }
    memcpy(buf + len, piece, sz);
    len += sz;
  }
  if (buf == NULL)
    buf = gc_alloc_atomic(L, 1);
  buf[len] = '\0';
  if (len > 0 && buf[0] == LUA_SIGNATURE[0]) {
    /* a binary chunk (Cove's format, spec/bytecode-format.md): read and verified */
    check_mode(L, ls->mode, "binary");
    ls->proto = cmp_undump(L, buf, len, ls->chunkname);
  } else {
    check_mode(L, ls->mode, "text");
    ls->proto = cmp_compile(L, buf, len, ls->chunkname);
  }
}

int lua_load(lua_State *L, lua_Reader reader, void *data, const char *chunkname,
             const char *mode) {
  struct LoadS ls;
  int status;
  gc_ensure_attached();
  ls.reader = reader;
  ls.data = data;
  ls.chunkname = chunkname != NULL ? chunkname : "?";
  ls.mode = mode;
  ls.proto = NULL;
  L->nCcalls += NONYIELD_INC;  /* a reader cannot yield */
  status = vm_pcall(L, f_parser, &ls, savestack(L, L->top), L->errfunc);
  L->nCcalls -= NONYIELD_INC;
  if (status == LUA_OK) {
    Proto *p = ls.proto;
    LClosure *cl = func_newLclosure(L, p->sizeupvalues);
    cl->p = p;
    func_initupvals(L, cl);
    setclLvalue(L->top, cl);
    api_incr_top(L);
    if (cl->nupvalues >= 1) {
      /* the first upvalue of a main chunk is its _ENV */
      Value gt;
      globals_table(L, &gt);
      setobj(cl->upvals[0]->v, &gt);
    }
  }
  return status;
}

int lua_dump(lua_State *L, lua_Writer writer, void *data, int strip) {
  const Value *o;
  api_checknelems(L, 1);
  o = L->top - 1;
  if (!ttisLclosure(o))
    return 1;  /* C functions cannot be dumped */
  return cmp_dump(L, clLvalue(o)->p, writer, data, strip);
}

/* ---- coroutines ---- */

int lua_status(lua_State *L) {
  return L->status;
}

int lua_isyieldable(lua_State *L) {
  return yieldable(L);
}

int lua_resume(lua_State *L, lua_State *from, int nargs, int *nresults) {
  gc_ensure_attached();
  /* lua5.4 checks the arguments once the coroutine is known to be resumable: a
   * suspended one needs nargs values; a fresh one also its function, whose absence is
   * the (non-check) "cannot resume dead coroutine" error. */
  api_check(L, L->status != LUA_YIELD || nargs < L->top - L->ci->func,
            "not enough elements in the stack");
  return vm_resume(L, from, nargs, nresults);
}

int lua_yieldk(lua_State *L, int nresults, lua_KContext ctx, lua_KFunction k) {
  api_checknelems(L, nresults);
  return vm_yield(L, nresults, ctx, k);
}

/* ---- warnings, panic, version, allocator ---- */

void lua_setwarnf(lua_State *L, lua_WarnFunction f, void *ud) {
  G(L)->ud_warn = ud;
  G(L)->warnf = f;
}

void lua_warning(lua_State *L, const char *msg, int tocont) {
  lua_WarnFunction wf = G(L)->warnf;
  if (wf != NULL)
    wf(G(L)->ud_warn, msg, tocont);
}

lua_CFunction lua_atpanic(lua_State *L, lua_CFunction panicf) {
  lua_CFunction old = G(L)->panic;
  G(L)->panic = panicf;
  return old;
}

lua_Number lua_version(lua_State *L) {
  (void)L;
  return LUA_VERSION_NUM;
}

lua_Alloc lua_getallocf(lua_State *L, void **ud) {
  if (ud != NULL)
    *ud = G(L)->ud;
  return G(L)->frealloc;
}

void lua_setallocf(lua_State *L, lua_Alloc f, void *ud) {
  G(L)->ud = ud;
  G(L)->frealloc = f;
}

/* ---- garbage collection ---- */

int lua_gc(lua_State *L, int what, ...) {
  va_list argp;
  int arg1 = 0, arg2 = 0;
  va_start(argp, what);
  switch (what) {
    case LUA_GCSTEP: case LUA_GCSETPAUSE: case LUA_GCSETSTEPMUL:
      arg1 = va_arg(argp, int);
      break;
    case LUA_GCGEN:
      arg1 = va_arg(argp, int);
      arg2 = va_arg(argp, int);
      break;
    case LUA_GCINC:
      /* pause, stepmul, stepsize: the collector has no use for the step size */
      arg1 = va_arg(argp, int);
      arg2 = va_arg(argp, int);
      (void)va_arg(argp, int);
      break;
    default:
      break;
  }
  va_end(argp);
  return gc_control(L, what, arg1, arg2);
}

/* ---- miscellaneous ---- */

int lua_error(lua_State *L) {
  const Value *errobj;
  api_checknelems(L, 1);
  errobj = L->top - 1;
  /* the preallocated memory message keeps its status, as in lua5.4 */
  if (ttisstring(errobj) && G(L)->memerrmsg != NULL && strvalue(errobj) == G(L)->memerrmsg)
    vm_throw(L, LUA_ERRMEM);
  vm_errorobj(L);
  return 0;  /* not reached */
}

int lua_next(lua_State *L, int idx) {
  Table *t = gettable_arg(L, idx);
  if (t == NULL)
    return 0;
  if (tab_next(L, t, L->top - 1, L->top)) {
    api_incr_top(L);
    return 1;
  }
  L->top--;
  return 0;
}

void lua_toclose(lua_State *L, int idx) {
  Value *o = index2stack(L, idx);
  api_check(L, L->tbclist == NULL || L->tbclist < o,
            "given index below or equal a marked one");
  func_newtbcupval(L, o);
}

void lua_concat(lua_State *L, int n) {
  api_checknelems(L, n);
  if (n > 0) {
    if (n > 1)
      vm_concat(L, n);
  } else {
    setsvalue(L->top, str_new(L, "", 0));
    api_incr_top(L);
  }
}

void lua_len(lua_State *L, int idx) {
  Value o = *index2value(L, idx), res;
  vm_objlen(L, &res, &o);
  setobj(L->top, &res);
  api_incr_top(L);
}

/* ---- lua_pushfstring's formatter ---- */

typedef struct FmtBuf {
  char *p;
  size_t len, cap;
  char fixed[256];
} FmtBuf;

static void fmt_add(lua_State *L, FmtBuf *b, const char *s, size_t n) {
  if (b->len + n > b->cap) {
    size_t ncap = b->cap * 2;
    while (ncap < b->len + n)
      ncap *= 2;
    char *np = b->p == b->fixed ? malloc(ncap) : realloc(b->p, ncap);
    if (np == NULL) {
      if (b->p != b->fixed)
        free(b->p);
      b->p = b->fixed;
      setsvalue(L->top, G(L)->memerrmsg);
      L->top++;
      vm_throw(L, LUA_ERRMEM);
    }
    if (b->p == b->fixed)
      memcpy(np, b->fixed, b->len);
    b->p = np;
    b->cap = ncap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
}

/* UTF-8 encoding of x (up to 0x7FFFFFFF, the 6-byte forms lua5.4 still accepts). */
static int utf8_encode(char *out, unsigned long x) {
  char tmp[8];
  int n = 1;
  if (x < 0x80) {
    out[0] = (char)x;
    return 1;
  }
  unsigned int mfb = 0x3f;  /* largest payload that fits in the first byte */
  do {
    tmp[8 - n++] = (char)(0x80 | (x & 0x3f));
    x >>= 6;
    mfb >>= 1;
  } while (x > mfb);
  tmp[8 - n] = (char)((~mfb << 1) | x);
  memcpy(out, tmp + 8 - n, (size_t)n);
  return n;
}

const char *api_pushvfstring(lua_State *L, const char *fmt, va_list argp) {
  FmtBuf b;
  b.p = b.fixed;
  b.len = 0;
  b.cap = sizeof(b.fixed);
  const char *e;
  while ((e = strchr(fmt, '%')) != NULL) {
    char tmp[NUM_MAXSTR + 8];
    fmt_add(L, &b, fmt, (size_t)(e - fmt));
    switch (e[1]) {
      case 's': {
        const char *s = va_arg(argp, const char *);
        if (s == NULL)
          s = "(null)";
        fmt_add(L, &b, s, strlen(s));
        break;
      }
      case 'c': {
        char c = (char)(unsigned char)va_arg(argp, int);
        fmt_add(L, &b, &c, 1);
        break;
      }
      case 'd': case 'I': {  /* num_tostr writes integers as LUA_INTEGER_FMT does */
        Value v;
        if (e[1] == 'd')
          setivalue(&v, va_arg(argp, int));
        else
          setivalue(&v, (lua_Integer)va_arg(argp, LUAI_UACINT));
        int n = num_tostr(&v, tmp);
        fmt_add(L, &b, tmp, (size_t)n);
        break;
      }
      case 'f': {
        Value v;
        setfltvalue(&v, (double)va_arg(argp, LUAI_UACNUMBER));
        int n = num_tostr(&v, tmp);
        fmt_add(L, &b, tmp, (size_t)n);
        break;
      }
      case 'p': {
        void *p = va_arg(argp, void *);
        int n = lua_pointer2str(tmp, sizeof tmp, p);
        fmt_add(L, &b, tmp, (size_t)n);
        break;
      }
      case 'U': {
        long x = va_arg(argp, long);
        int n = utf8_encode(tmp, (unsigned long)x);
        fmt_add(L, &b, tmp, (size_t)n);
        break;
      }
      case '%':
        fmt_add(L, &b, "%", 1);
        break;
      default: {
        char opt = e[1];
        if (b.p != b.fixed)
          free(b.p);
        vm_runerror(L, "invalid option '%%%c' to 'lua_pushfstring'", opt);
      }
    }
    fmt = e + 2;
  }
  fmt_add(L, &b, fmt, strlen(fmt));
  String *s;
  s = str_new(L, b.p, b.len);
  if (b.p != b.fixed)
    free(b.p);
  setsvalue(L->top, s);
  L->top++;  /* internal push (vm_runerror uses it too): unchecked, as lua5.4 */
  return getstr(s);
}

const char *api_pushfstring(lua_State *L, const char *fmt, ...) {
  va_list argp;
  va_start(argp, fmt);
  const char *ret = api_pushvfstring(L, fmt, argp);
  va_end(argp);
  return ret;
}
