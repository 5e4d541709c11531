/* The interpreter loop. One C function runs Lua frames with computed-goto dispatch
 * through a table pointer held in a local: the plain table, or (line/count hooks on)
 * a table whose every entry first runs the hooks. Each handler body is written once
 * behind small macros. Lua-to-Lua calls and returns switch frames inside the loop; pc,
 * base and the constants pointer live in locals and are reloaded after anything that
 * can call out (PROTECT). Opcode semantics: spec/bytecode.md; frames: spec/vm.md. */
#include <math.h>
#include <string.h>

#include "interp.h"
#include "quota.h"

#include "call.h"
#include "debug.h"
#include "func.h"
#include "gc.h"
#include "meta.h"
#include "number.h"
#include "str.h"
#include "table.h"

/* ---- helpers shared by handlers and vm_finishop ---- */

static const Value absent_nil = {{0}, TAG_NIL};

/* Copy a value as its two fields, not as one 16-byte block: the payload and tag were
 * usually just stored separately (setivalue & co.), and a wide load of two narrower
 * pending stores cannot be forwarded from the store buffer (a stall of ~10 cycles on
 * every MOVE of a fresh result). */
#define COPYV(dst, src) \
  do { \
    Value *d_ = (dst); \
    const Value *s_ = (src); \
    d_->u = s_->u; \
    d_->tt = s_->tt; \
  } while (0)

/* Short-string lookup straight on the hash part (the table module's layout: a short
 * string's chain starts at hash & (size - 1)). A miss falls back to the table module
 * only when the intern table may hold duplicates. */
static inline const Value *get_shortstr(Table *t, String *key) {
  Node *n = &t->node[key->hash & (sizenode(t) - 1u)];
  for (;;) {
    if (n->key.tt == TAG_STR && strvalue(&n->key) == key)
      return &n->val;
    if (n->next == 0)
      break;
    n += n->next;
  }
  if (unlikely(str_maybe_dup))
    return tab_getshortstr(t, key);
  return &absent_nil;
}

/* True when table t surely has no `event` metamethod (no metatable or cached absence). */
#define notm(t, event) \
  ((t)->metatable == NULL || ((t)->metatable->tmcache & (1u << (event))))

/* Equality decided inline: 1 or 0, or -1 when it takes a call (int/float mixes, long
 * strings, short strings while the intern table may hold duplicates, two different
 * tables or full userdata, which may have __eq). Same tag and identical payload is
 * equality for every other type (closures and threads compare by reference). */
static inline int eq_fast(const Value *a, const Value *b) {
  int tt = a->tt;
  if (tt != b->tt)
    return (ttisnumber(a) && ttisnumber(b)) ? -1 : 0;
  switch (tt) {
    case TAG_NIL: case TAG_FALSE: case TAG_TRUE:
      return 1;
    case TAG_FLT:
      return fltvalue(a) == fltvalue(b);
    case TAG_STR:
      if (strvalue(a) == strvalue(b))
        return 1;
      return (strvalue(a)->is_short && strvalue(b)->is_short && !str_maybe_dup) ? 0 : -1;
    case TAG_TABLE: case TAG_UDATA:
      return gcvalue(a) == gcvalue(b) ? 1 : -1;
    default:
      return a->u.i == b->u.i;
  }
}

/* Longest __index chain followed inline; longer ones (and loops) take the slow path,
 * which counts from the start against lua5.4's limit. */
#define INDEX_CHAIN_MAX 16

/* t[key] missed for a short-string key: follow __index while it is a table (classes:
 * instance -> class -> parent class ...). Returns the slot found, the absent nil when
 * some table's metatable surely has no __index, or NULL when the slow path must run
 * (an __index function or non-table, an absence not cached yet, a long chain). */
static inline const Value *index_chain(lua_State *L, Table *t, String *key) {
  for (int depth = 0; depth < INDEX_CHAIN_MAX; depth++) {
    Table *mt = t->metatable;
    if (mt == NULL || (mt->tmcache & (1u << TM_INDEX)))
      return &absent_nil;
    const Value *tm = get_shortstr(mt, G(L)->tmname[TM_INDEX]);
    if (!ttistable(tm))
      return NULL;
    t = tabvalue(tm);
    const Value *slot = get_shortstr(t, key);
    if (!ttisnil(slot))
      return slot;
  }
  return NULL;
}

static inline lua_Integer int_mod(lua_Integer x, lua_Integer y) {
  if (unlikely((lua_Unsigned)y + 1u <= 1u))  /* y == -1 (y == 0 excluded by caller) */
    return 0;
  lua_Integer r = x % y;
  if (r != 0 && (r ^ y) < 0)
    r += y;
  return r;
}

static inline lua_Integer int_idiv(lua_Integer x, lua_Integer y) {
  if (unlikely((lua_Unsigned)y + 1u <= 1u))  /* y == -1 */
    return (lua_Integer)(0u - (lua_Unsigned)x);
  lua_Integer q = x / y;
  if ((x ^ y) < 0 && q * y != x)
    q -= 1;
  return q;
}

static inline double flt_pow(double x, double y) {
  return (y == 2) ? x * x : pow(x, y);
}

/* Numeric for loop preparation (lua5.4.4 forprep/forlimit). Returns 1 to skip. */
static int forlimit(lua_State *L, lua_Integer init, const Value *lim, lua_Integer *p,
                    lua_Integer step) {
  if (!num_tointeger(lim, p, step < 0 ? F2I_CEIL : F2I_FLOOR)) {
    double flim;
    if (!num_tonumber(lim, &flim))
      dbg_forerror(L, lim, "limit");
    if (0 < flim) {  /* too large: clip */
      if (step < 0)
        return 1;
      *p = LUA_MAXINTEGER;
    } else {  /* below the integer range (or NaN) */
      if (step > 0)
        return 1;
      *p = LUA_MININTEGER;
    }
  }
  return step > 0 ? init > *p : init < *p;
}

static int forprep(lua_State *L, Value *ra) {
  Value *pinit = ra, *plimit = ra + 1, *pstep = ra + 2;
  if (ttisinteger(pinit) && ttisinteger(pstep)) {
    lua_Integer init = ivalue(pinit);
    lua_Integer step = ivalue(pstep);
    lua_Integer limit;
    if (step == 0)
      vm_runerror(L, "'for' step is zero");
    setivalue(ra + 3, init);
    if (forlimit(L, init, plimit, &limit, step))
      return 1;
    lua_Unsigned count;  /* iterations left, computed once */
    if (step > 0) {
      count = (lua_Unsigned)limit - (lua_Unsigned)init;
      if (step != 1)
        count /= (lua_Unsigned)step;
    } else {
      count = (lua_Unsigned)init - (lua_Unsigned)limit;
      count /= (lua_Unsigned)(-(step + 1)) + 1u;
    }
    setivalue(plimit, (lua_Integer)count);
    return 0;
  }
  double init, flimit, step;
  if (unlikely(!num_tonumber(plimit, &flimit)))
    dbg_forerror(L, plimit, "limit");
  if (unlikely(!num_tonumber(pstep, &step)))
    dbg_forerror(L, pstep, "step");
  if (unlikely(!num_tonumber(pinit, &init)))
    dbg_forerror(L, pinit, "initial value");
  if (step == 0)
    vm_runerror(L, "'for' step is zero");
  if (0 < step ? flimit < init : init < flimit)
    return 1;
  setfltvalue(plimit, flimit);
  setfltvalue(pstep, step);
  setfltvalue(ra, init);
  setfltvalue(ra + 3, init);
  return 0;
}

static inline int floatforloop(Value *ra) {
  double step = fltvalue(ra + 2);
  double limit = fltvalue(ra + 1);
  double idx = fltvalue(ra) + step;
  if (0 < step ? idx <= limit : limit <= idx) {
    setfltvalue(ra, idx);
    setfltvalue(ra + 3, idx);
    return 1;
  }
  return 0;
}

/* VARARGPREP: copy the function and fixed parameters above the extra arguments, so
 * the varargs sit just below the new frame (lua5.4 layout; spec/vm.md). */
static void adjust_varargs(lua_State *L, CallInfo *ci, const Proto *p) {
  int nfix = p->numparams;
  int actual = (int)(L->top - ci->func) - 1;
  ci->u.l.nextraargs = actual - nfix;
  vm_checkstack(L, p->maxstacksize + 1);
  Value *func = ci->func;
  COPYV(L->top, func);
  L->top++;
  for (int i = 1; i <= nfix; i++) {
    COPYV(L->top, func + i);
    L->top++;
    setnilvalue(func + i);
  }
  ci->func += actual + 1;
  ci->top += actual + 1;
}

static void get_varargs(lua_State *L, CallInfo *ci, Value *where, int wanted) {
  int nextra = ci->u.l.nextraargs;
  if (wanted < 0) {
    wanted = nextra;
    if (unlikely(L->stack_last - L->top <= nextra)) {
      ptrdiff_t w = savestack(L, where);
      vm_growstack(L, nextra, 1);
      where = restorestack(L, w);
    }
    L->top = where + nextra;
  }
  int i;
  for (i = 0; i < wanted && i < nextra; i++)
    COPYV(where + i, ci->func + (i - nextra));
  for (; i < wanted; i++)
    setnilvalue(where + i);
}

/* Slots above the running frame's live part cleared at a safe point: bounded, so a
 * stack left large by deep recursion does not make every safe point slow. */
#define DEAD_STACK_CLEAR_MAX 1024

/* Zero the dead registers of the running Lua frame and the stack just above it.
 * libgc scans the stack conservatively, whatever the tags say, so a spent temporary
 * (the argument of a call that returned, a callee's locals) would keep its object
 * alive and a program waiting for a __gc or a weak entry to go would wait forever;
 * lua5.4 never marks above the top. Safe points are statement boundaries (ENTER,
 * LOOP, and the first body instruction after a FORLOOP/TFORLOOP back-edge), where the
 * live registers are exactly the active locals, which the debug info lists. */
static void clear_dead_stack(lua_State *L) {
  CallInfo *ci = L->ci;
  if (!isLua(ci))
    return;
  const Proto *p = ci_func(ci)->p;
  if (p->sizelineinfo == 0)
    return;  /* stripped: the active locals are unknown */
  int pc = (int)(ci->u.l.savedpc - p->code);
  int nactive = 0;
  for (int v = 0; v < p->sizelocvars && p->locvars[v].startpc <= pc; v++)
    if (pc < p->locvars[v].endpc)
      nactive++;
  Value *from = ci->func + 1 + nactive;
  if (L->openupval != NULL && L->openupval->v >= from)
    from = L->openupval->v + 1;  /* never the case in compiled code: be safe */
  if (L->tbclist != NULL && L->tbclist >= from)
    from = L->tbclist + 1;
  Value *end = L->stack_last + EXTRA_STACK;
  if (end - ci->top > DEAD_STACK_CLEAR_MAX)
    end = ci->top + DEAD_STACK_CLEAR_MAX;
  if (from < end)
    memset((void *)from, 0, (size_t)(end - from) * sizeof(Value));
}

void vm_poll(lua_State *L) {
  global_State *g = G(L);
  g->budget = VM_BUDGET_REFILL;
  quota_check(L);  /* cove_* quotas (fuel, deadline, sticky stops); no-op without them */
  if (unlikely(g->interrupt)) {
    g->interrupt = 0;
    vm_runerror(L, "interrupted!");
  }
}

void vm_safepoint(lua_State *L) {
  vm_poll(L);
  clear_dead_stack(L);
  gc_clear_cstack_below();
  gc_run_pending_finalizers(L);
}

/* ---- the loop ---- */

#define RA() (base + GET_A(i))
#define RB() (base + GET_B(i))
#define RC() (base + GET_C(i))
#define KB() (k + GET_B(i))
#define KC() (k + GET_C(i))

#define DISPATCH() do { i = *pc++; goto *disp[GET_OP(i)]; } while (0)
#define PICK_DISP() \
  (disp = (L->hookmask & (LUA_MASKLINE | LUA_MASKCOUNT)) ? hook_table : op_table)
#define SAVEPC() (ci->u.l.savedpc = pc)
#define SAVESTATE() (SAVEPC(), L->top = ci->top)
#define RELOAD() (ci = L->ci, base = ci->func + 1, PICK_DISP())
/* Run x, which may call out (move the stack, grow the frame array, set hooks). */
#define PROTECT(x) do { SAVESTATE(); x; RELOAD(); } while (0)
/* Same, keeping L->top (x uses it). */
#define PROTECT_NT(x) do { SAVEPC(); x; RELOAD(); } while (0)
/* Charge the safe-point budget; the slow path may run finalizers or raise.
 * COVE_NO_SAFEPOINTS (a measurement build, see spec/safepoints.md "Measured cost")
 * compiles the charge away: ENTER and LOOP are then dispatched but do nothing, and
 * finalizers, interrupts and the dead-stack clearing never run from Lua code. */
#ifdef COVE_NO_SAFEPOINTS
#define CHARGE(cost) ((void)(cost))
#else
#define CHARGE(cost) \
  do { \
    if (unlikely((G(L)->budget -= (cost)) <= 0)) PROTECT(vm_safepoint(L)); \
  } while (0)
#endif
/* Compare + following jump word in one dispatch: take the jump when cond == k. */
#define COND_JUMP(cond) \
  do { \
    if ((cond) != GET_k(i)) pc++; \
    else pc += GET_sJ(*pc) + 1; \
  } while (0)

/* The slow paths of arithmetic (strings, metamethods, errors) and of comparisons with
 * an immediate. Calls of cold functions make GCC move the whole path, with its state
 * saving, out of vm_execute's hot text: each arithmetic handler then fits in about two
 * cache lines, which matters when a loop also runs much library code (string.format
 * spent as many instruction-cache misses in vm_execute as in printf). */
static COLD void arith_slow(lua_State *L, int op, const Value *rb, const Value *rc, Value *ra) {
  vm_arith(L, op, rb, rc, ra);
}

static COLD int orderi_slow(lua_State *L, const Value *ra, int im, int isflt, int le, int swap) {
  Value imm;
  if (isflt) setfltvalue(&imm, (double)im);
  else setivalue(&imm, im);
  const Value *a = swap ? &imm : ra, *b = swap ? ra : &imm;
  return le ? vm_lessequal(L, a, b) : vm_lessthan(L, a, b);
}

/* Arithmetic on two operands with an integer and a float formula; the slow path
 * (strings, metamethods, errors) is vm_arith. Integer/integer and float/float each get
 * a straight line ending in its own dispatch: with one shared test chain GCC laid the
 * float case out as cold code, four taken jumps away from its handler. */
#define ARITH(rbexp, rcexp, luaop, intexp, fltexp) \
  { \
    Value *ra = RA(); \
    const Value *rb = (rbexp); \
    const Value *rc = (rcexp); \
    if (ttisinteger(rb) && ttisinteger(rc)) { \
      lua_Integer x = ivalue(rb), y = ivalue(rc); \
      setivalue(ra, (intexp)); \
      DISPATCH(); \
    } \
    if (ttisfloat(rb) && ttisfloat(rc)) { \
      double x = fltvalue(rb), y = fltvalue(rc); \
      setfltvalue(ra, (fltexp)); \
      DISPATCH(); \
    } \
    if (ttisnumber(rb) && ttisnumber(rc)) { \
      double x = nvalue(rb), y = nvalue(rc); \
      setfltvalue(ra, (fltexp)); \
    } else { \
      PROTECT(arith_slow(L, luaop, rb, rc, ra)); \
    } \
    DISPATCH(); \
  }

/* Float-only operations (/ and ^). */
#define ARITHF(rbexp, rcexp, luaop, fltexp) \
  { \
    Value *ra = RA(); \
    const Value *rb = (rbexp); \
    const Value *rc = (rcexp); \
    if (ttisfloat(rb) && ttisfloat(rc)) { \
      double x = fltvalue(rb), y = fltvalue(rc); \
      setfltvalue(ra, (fltexp)); \
      DISPATCH(); \
    } \
    if (ttisnumber(rb) && ttisnumber(rc)) { \
      double x = nvalue(rb), y = nvalue(rc); \
      setfltvalue(ra, (fltexp)); \
    } else { \
      PROTECT(arith_slow(L, luaop, rb, rc, ra)); \
    } \
    DISPATCH(); \
  }

/* % and //: integer division by zero goes to the slow path, which raises. */
#define ARITHDIV(rbexp, rcexp, luaop, intfn, fltexp) \
  { \
    Value *ra = RA(); \
    const Value *rb = (rbexp); \
    const Value *rc = (rcexp); \
    if (ttisinteger(rb) && ttisinteger(rc) && ivalue(rc) != 0) { \
      setivalue(ra, intfn(ivalue(rb), ivalue(rc))); \
    } else if (ttisnumber(rb) && ttisnumber(rc) && !(ttisinteger(rb) && ttisinteger(rc))) { \
      double x = nvalue(rb), y = nvalue(rc); \
      setfltvalue(ra, (fltexp)); \
    } else { \
      PROTECT(arith_slow(L, luaop, rb, rc, ra)); \
    } \
    DISPATCH(); \
  }

/* Bitwise: integers inline, floats with integral values and errors in vm_arith. */
#define BITWISE(rbexp, rcexp, luaop, intexp) \
  { \
    Value *ra = RA(); \
    const Value *rb = (rbexp); \
    const Value *rc = (rcexp); \
    if (ttisinteger(rb) && ttisinteger(rc)) { \
      lua_Unsigned x = (lua_Unsigned)ivalue(rb), y = (lua_Unsigned)ivalue(rc); \
      setivalue(ra, (lua_Integer)(intexp)); \
    } else { \
      PROTECT(arith_slow(L, luaop, rb, rc, ra)); \
    } \
    DISPATCH(); \
  }

/* Order comparisons against an immediate (LTI & co): sB, a float when C bit 1. */
#define ORDERI(intop, le, swap) \
  { \
    Value *ra = RA(); \
    int im = GET_sB(i); \
    int cond; \
    if (ttisinteger(ra)) { \
      cond = ivalue(ra) intop im; \
    } else if (ttisfloat(ra)) { \
      cond = fltvalue(ra) intop (double)im; \
    } else { \
      PROTECT(cond = orderi_slow(L, ra, im, GET_C(i) & 2, le, swap)); \
    } \
    COND_JUMP(cond); \
    DISPATCH(); \
  }

/* GCC merges the identical dispatch tails of all handlers into one shared indirect
 * jump (cross-jumping), which costs the branch predictor its per-handler history;
 * keep one jump per handler. */
#if defined(__GNUC__) && !defined(__clang__)
__attribute__((optimize("no-crossjumping")))
#endif
HOT void vm_execute(lua_State *L, CallInfo *ci) {
#define OP_LABEL(name) &&L_##name,
  static const void *const op_table[NUM_OPCODES] = { OP_LIST(OP_LABEL) };
#undef OP_LABEL
  static const void *const hook_table[NUM_OPCODES] = {
    [0 ... NUM_OPCODES - 1] = &&L_HOOK
  };
  const void *const *disp;
  LClosure *cl;
  const Value *k;
  Value *base;
  const Instruction *pc;
  Instruction i;
  int fresh;

startfunc:
  if (unlikely(L->hookmask)) {
    Proto *p = clLvalue(ci->func)->p;
    if (ci->u.l.savedpc == p->code && !p->is_vararg) {
      vm_hookcall(L, ci);
      ci = L->ci;
    }
  }
returning:
  cl = clLvalue(ci->func);
  k = cl->p->k;
  pc = ci->u.l.savedpc;
  base = ci->func + 1;
  PICK_DISP();
  DISPATCH();

L_HOOK:
  /* line/count hooks run before the instruction, then its real handler. As in lua5.4,
   * hooks start after VARARGPREP. ENTER and LOOP are Cove's budget instructions with no
   * lua5.4 counterpart: hooks do not see them, and when they stand where a line event
   * is due (oldpc == their pc: function entry), the event passes to the next one. */
  switch (GET_OP(i)) {
    case OP_ENTER: case OP_LOOP:
      if (L->oldpc == (int)(pc - cl->p->code) - 1)
        L->oldpc++;
      /* fallthrough */
    case OP_VARARGPREP:
      goto *op_table[GET_OP(i)];
    default:
      break;
  }
  SAVEPC();
  vm_traceexec(L, pc);
  RELOAD();
  goto *op_table[GET_OP(i)];

  /* ---- loads and moves ---- */
L_MOVE:
  COPYV(RA(), RB());
  DISPATCH();
L_LOADI:
  setivalue(RA(), GET_sD(i));
  DISPATCH();
L_LOADF:
  setfltvalue(RA(), (double)GET_sD(i));
  DISPATCH();
L_LOADK:
  COPYV(RA(), k + GET_D(i));
  DISPATCH();
L_LOADKX:
  COPYV(RA(), k + *pc++);
  DISPATCH();
L_LOADFALSE:
  setbfalse(RA());
  DISPATCH();
L_LFALSESKIP:
  setbfalse(RA());
  pc++;
  DISPATCH();
L_LOADTRUE:
  setbtrue(RA());
  DISPATCH();
L_LOADNIL: {
  Value *ra = RA();
  int b = GET_B(i);
  do {
    setnilvalue(ra++);
  } while (b--);
  DISPATCH();
}
L_GETUPVAL:
  COPYV(RA(), cl->upvals[GET_B(i)]->v);
  DISPATCH();
L_SETUPVAL:
  COPYV(cl->upvals[GET_B(i)]->v, RA());
  DISPATCH();

  /* ---- tables: array part and short-string keys inline, the rest in vm_gettable ---- */
L_GETTABUP: {
  Value *ra = RA();
  const Value *upv = cl->upvals[GET_B(i)]->v;
  const Value *key = KC();
  if (likely(ttistable(upv))) {
    Table *t = tabvalue(upv);
    const Value *slot = get_shortstr(t, strvalue(key));
    if (!ttisnil(slot)) {
      COPYV(ra, slot);
      DISPATCH();
    }
    if (notm(t, TM_INDEX)) {
      setnilvalue(ra);
      DISPATCH();
    }
  }
  PROTECT(vm_gettable(L, upv, key, ra));
  DISPATCH();
}
L_GETTABLE: {
  Value *ra = RA();
  Value *rb = RB();
  Value *rc = RC();
  if (ttistable(rb)) {
    Table *t = tabvalue(rb);
    const Value *slot;
    if (ttisinteger(rc) && (lua_Unsigned)ivalue(rc) - 1u < t->asize)
      slot = tab_arrayslot(t, (unsigned)ivalue(rc) - 1u);
    else if (ttisstring(rc) && strvalue(rc)->is_short)
      slot = get_shortstr(t, strvalue(rc));
    else
      slot = tab_get(t, rc);
    if (!ttisnil(slot)) {
      COPYV(ra, slot);
      DISPATCH();
    }
    if (notm(t, TM_INDEX)) {
      setnilvalue(ra);
      DISPATCH();
    }
  }
  PROTECT(vm_gettable(L, rb, rc, ra));
  DISPATCH();
}
L_GETI: {
  Value *ra = RA();
  Value *rb = RB();
  int c = GET_C(i);
  if (ttistable(rb)) {
    Table *t = tabvalue(rb);
    const Value *slot = ((unsigned)c - 1u < t->asize) ? tab_arrayslot(t, (unsigned)c - 1u)
                                                      : tab_getint(t, c);
    if (!ttisnil(slot)) {
      COPYV(ra, slot);
      DISPATCH();
    }
    if (notm(t, TM_INDEX)) {
      setnilvalue(ra);
      DISPATCH();
    }
  }
  Value key;
  setivalue(&key, c);
  PROTECT(vm_gettable(L, rb, &key, ra));
  DISPATCH();
}
L_GETFIELD: {
  Value *ra = RA();
  Value *rb = RB();
  const Value *key = KC();
  if (ttistable(rb)) {
    Table *t = tabvalue(rb);
    const Value *slot = get_shortstr(t, strvalue(key));
    if (!ttisnil(slot)) {
      COPYV(ra, slot);
      DISPATCH();
    }
    if (notm(t, TM_INDEX)) {
      setnilvalue(ra);
      DISPATCH();
    }
    slot = index_chain(L, t, strvalue(key));
    if (slot != NULL) {
      COPYV(ra, slot);
      DISPATCH();
    }
  }
  PROTECT(vm_gettable(L, rb, key, ra));
  DISPATCH();
}
L_SETTABUP: {
  const Value *upv = cl->upvals[GET_A(i)]->v;
  const Value *key = KB();
  Value *rc = RC();
  if (likely(ttistable(upv))) {
    const Value *slot = get_shortstr(tabvalue(upv), strvalue(key));
    if (!ttisnil(slot)) {
      COPYV((Value *)slot, rc);
      DISPATCH();
    }
  }
  PROTECT(vm_settable(L, upv, key, rc));
  DISPATCH();
}
L_SETTABLE: {
  Value *ra = RA();
  Value *rb = RB();
  Value *rc = RC();
  if (ttistable(ra)) {
    Table *t = tabvalue(ra);
    if (ttisinteger(rb) && (lua_Unsigned)ivalue(rb) - 1u < t->asize) {
      Value *slot = tab_arrayslot(t, (unsigned)ivalue(rb) - 1u);
      if (!ttisnil(slot) || notm(t, TM_NEWINDEX)) {
        COPYV(slot, rc);
        DISPATCH();
      }
    } else if (!t->weakmode) {  /* weak keys need tab_set's attachments */
      const Value *slot;
      if (ttisstring(rb) && strvalue(rb)->is_short)
        slot = get_shortstr(t, strvalue(rb));
      else
        slot = tab_get(t, rb);
      if (!ttisnil(slot)) {
        COPYV((Value *)slot, rc);
        DISPATCH();
      }
      if (notm(t, TM_NEWINDEX) && !ttisnil(rc)) {  /* new key: see SETFIELD */
        Value *nslot;
        PROTECT(nslot = tab_slot(L, t, RB()));
        COPYV(nslot, RC());
        DISPATCH();
      }
    }
  }
  PROTECT(vm_settable(L, ra, rb, rc));
  DISPATCH();
}
L_SETI: {
  Value *ra = RA();
  int b = GET_B(i);
  Value *rc = RC();
  Value key;
  if (ttistable(ra)) {
    Table *t = tabvalue(ra);
    if ((unsigned)b - 1u < t->asize) {
      Value *slot = tab_arrayslot(t, (unsigned)b - 1u);
      if (!ttisnil(slot) || notm(t, TM_NEWINDEX)) {
        COPYV(slot, rc);
        DISPATCH();
      }
    } else if (!t->weakmode && notm(t, TM_NEWINDEX) && !ttisnil(rc)) {
      Value *nslot;
      setivalue(&key, b);
      PROTECT(nslot = tab_slot(L, t, &key));
      COPYV(nslot, RC());
      DISPATCH();
    }
  }
  setivalue(&key, b);
  PROTECT(vm_settable(L, ra, &key, rc));
  DISPATCH();
}
L_SETFIELD: {
  Value *ra = RA();
  const Value *key = KB();
  Value *rc = RC();
  if (ttistable(ra)) {
    Table *t = tabvalue(ra);
    const Value *slot = get_shortstr(t, strvalue(key));
    if (!ttisnil(slot)) {
      COPYV((Value *)slot, rc);
      DISPATCH();
    }
    /* a new key (constructors, fields set in `init` methods): create the slot at
     * once instead of going through vm_settable's second lookup. Storing nil creates
     * nothing, and weak tables need tab_set's bookkeeping: both take the slow path. */
    if (notm(t, TM_NEWINDEX) && !t->weakmode && !ttisnil(rc)) {
      Value *nslot;
      PROTECT(nslot = tab_slot(L, t, key));
      COPYV(nslot, RC());
      DISPATCH();
    }
  }
  PROTECT(vm_settable(L, ra, key, rc));
  DISPATCH();
}
L_NEWTABLE: {
  int b = GET_B(i);
  unsigned nhash = b > 0 ? 1u << (b - 1) : 0;
  unsigned narray = *pc++;
  SAVESTATE();
  Table *t = tab_new(L, narray, nhash);
  sethvalue(RA(), t);
  DISPATCH();
}
L_SELF: {
  Value *ra = RA();
  Value *rb = RB();
  const Value *key = KC();
  COPYV(ra + 1, rb);
  if (ttistable(ra + 1) && strvalue(key)->is_short) {
    Table *t = tabvalue(ra + 1);
    const Value *slot = get_shortstr(t, strvalue(key));
    if (!ttisnil(slot)) {
      COPYV(ra, slot);
      DISPATCH();
    }
    if (notm(t, TM_INDEX)) {
      setnilvalue(ra);
      DISPATCH();
    }
    slot = index_chain(L, t, strvalue(key));
    if (slot != NULL) {
      COPYV(ra, slot);
      DISPATCH();
    }
  }
  PROTECT(vm_gettable(L, rb, key, ra));
  DISPATCH();
}

  /* ---- arithmetic ---- */
L_ADDI: {
  Value *ra = RA();
  Value *rb = RB();
  int imm = GET_sC(i);
  if (ttisinteger(rb)) {
    setivalue(ra, (lua_Integer)((lua_Unsigned)ivalue(rb) + (lua_Unsigned)(lua_Integer)imm));
  } else if (ttisfloat(rb)) {
    setfltvalue(ra, fltvalue(rb) + (double)imm);
  } else {
    Value iv;
    setivalue(&iv, imm);
    PROTECT(arith_slow(L, LUA_OPADD, rb, &iv, ra));
  }
  DISPATCH();
}
L_ADDK: ARITH(RB(), KC(), LUA_OPADD, (lua_Integer)((lua_Unsigned)x + (lua_Unsigned)y), x + y)
L_SUBK:
  /* lua5.4 compiles `x - 0` as an add of the immediate 0, so -0.0 - 0 is +0.0 there. */
  if (unlikely(ttisfloat(RB()) && ttisinteger(KC()) && ivalue(KC()) == 0)) {
    setfltvalue(RA(), fltvalue(RB()) + 0.0);
    DISPATCH();
  }
  ARITH(RB(), KC(), LUA_OPSUB, (lua_Integer)((lua_Unsigned)x - (lua_Unsigned)y), x - y)
L_MULK: ARITH(RB(), KC(), LUA_OPMUL, (lua_Integer)((lua_Unsigned)x * (lua_Unsigned)y), x * y)
L_MODK: ARITHDIV(RB(), KC(), LUA_OPMOD, int_mod, num_fmod(x, y))
L_POWK: ARITHF(RB(), KC(), LUA_OPPOW, flt_pow(x, y))
L_DIVK: ARITHF(RB(), KC(), LUA_OPDIV, x / y)
L_IDIVK: ARITHDIV(RB(), KC(), LUA_OPIDIV, int_idiv, floor(x / y))
L_BANDK: BITWISE(RB(), KC(), LUA_OPBAND, x & y)
L_BORK: BITWISE(RB(), KC(), LUA_OPBOR, x | y)
L_BXORK: BITWISE(RB(), KC(), LUA_OPBXOR, x ^ y)
L_ADD: ARITH(RB(), RC(), LUA_OPADD, (lua_Integer)((lua_Unsigned)x + (lua_Unsigned)y), x + y)
L_SUB: ARITH(RB(), RC(), LUA_OPSUB, (lua_Integer)((lua_Unsigned)x - (lua_Unsigned)y), x - y)
L_MUL: ARITH(RB(), RC(), LUA_OPMUL, (lua_Integer)((lua_Unsigned)x * (lua_Unsigned)y), x * y)
L_MOD: ARITHDIV(RB(), RC(), LUA_OPMOD, int_mod, num_fmod(x, y))
L_POW: ARITHF(RB(), RC(), LUA_OPPOW, flt_pow(x, y))
L_DIV: ARITHF(RB(), RC(), LUA_OPDIV, x / y)
L_IDIV: ARITHDIV(RB(), RC(), LUA_OPIDIV, int_idiv, floor(x / y))
L_BAND: BITWISE(RB(), RC(), LUA_OPBAND, x & y)
L_BOR: BITWISE(RB(), RC(), LUA_OPBOR, x | y)
L_BXOR: BITWISE(RB(), RC(), LUA_OPBXOR, x ^ y)
L_SHL: BITWISE(RB(), RC(), LUA_OPSHL, num_shiftl((lua_Integer)x, (lua_Integer)y))
L_SHR: BITWISE(RB(), RC(), LUA_OPSHR, num_shiftl((lua_Integer)x, (lua_Integer)(0u - y)))
L_UNM: {
  Value *ra = RA();
  Value *rb = RB();
  if (ttisinteger(rb))
    setivalue(ra, (lua_Integer)(0u - (lua_Unsigned)ivalue(rb)));
  else if (ttisfloat(rb))
    setfltvalue(ra, -fltvalue(rb));
  else
    PROTECT(arith_slow(L, LUA_OPUNM, rb, rb, ra));
  DISPATCH();
}
L_BNOT: {
  Value *ra = RA();
  Value *rb = RB();
  if (ttisinteger(rb))
    setivalue(ra, (lua_Integer)(~(lua_Unsigned)ivalue(rb)));
  else
    PROTECT(arith_slow(L, LUA_OPBNOT, rb, rb, ra));
  DISPATCH();
}
L_NOT: {
  Value *ra = RA();
  setbvalue(ra, ttisfalsy(RB()));
  DISPATCH();
}
L_LEN: {
  Value *ra = RA();
  Value *rb = RB();
  if (ttisstring(rb)) {
    setivalue(ra, (lua_Integer)tsslen(strvalue(rb)));
  } else if (ttistable(rb) && notm(tabvalue(rb), TM_LEN)) {
    setivalue(ra, (lua_Integer)tab_len(tabvalue(rb)));
  } else {
    PROTECT(vm_objlen(L, ra, rb));
  }
  DISPATCH();
}
L_CONCAT: {
  Value *ra = RA();
  int n = GET_B(i);
  L->top = ra + n;
  PROTECT_NT(vm_concat(L, n));
  DISPATCH();
}

  /* ---- scope ---- */
L_CLOSE:
  PROTECT(func_close(L, RA(), LUA_OK, 1));
  DISPATCH();
L_TBC:
  PROTECT(func_newtbcupval(L, RA()));
  DISPATCH();

  /* ---- control ---- */
L_JMP:
  pc += GET_sJ(i);
  DISPATCH();
L_EQ: {
  Value *ra = RA();
  Value *rb = RB();
  int cond;
  if (ttisinteger(ra) && ttisinteger(rb))
    cond = ivalue(ra) == ivalue(rb);
  else if ((cond = eq_fast(ra, rb)) < 0)
    PROTECT(cond = vm_equalobj(L, ra, rb));
  COND_JUMP(cond);
  DISPATCH();
}
L_LT: {
  Value *ra = RA();
  Value *rb = RB();
  int cond;
  if (ttisinteger(ra) && ttisinteger(rb))
    cond = ivalue(ra) < ivalue(rb);
  else if (ttisfloat(ra) && ttisfloat(rb))
    cond = fltvalue(ra) < fltvalue(rb);
  else if (ttisnumber(ra) && ttisnumber(rb))
    cond = vm_ltnum(ra, rb);
  else
    PROTECT(cond = vm_lessthan(L, ra, rb));
  COND_JUMP(cond);
  DISPATCH();
}
L_LE: {
  Value *ra = RA();
  Value *rb = RB();
  int cond;
  if (ttisinteger(ra) && ttisinteger(rb))
    cond = ivalue(ra) <= ivalue(rb);
  else if (ttisfloat(ra) && ttisfloat(rb))
    cond = fltvalue(ra) <= fltvalue(rb);
  else if (ttisnumber(ra) && ttisnumber(rb))
    cond = vm_lenum(ra, rb);
  else
    PROTECT(cond = vm_lessequal(L, ra, rb));
  COND_JUMP(cond);
  DISPATCH();
}
L_EQK: {
  int cond = eq_fast(RA(), KB());
  if (cond < 0)
    cond = vm_rawequal(RA(), KB());
  COND_JUMP(cond);
  DISPATCH();
}
L_EQI: {
  Value *ra = RA();
  int im = GET_sB(i);
  int cond;
  if (ttisinteger(ra))
    cond = ivalue(ra) == im;
  else if (ttisfloat(ra))
    cond = fltvalue(ra) == (double)im;
  else
    cond = 0;
  COND_JUMP(cond);
  DISPATCH();
}
L_LTI: ORDERI(<, 0, 0)
L_LEI: ORDERI(<=, 1, 0)
L_GTI: ORDERI(>, 0, 1)
L_GEI: ORDERI(>=, 1, 1)
L_TEST: {
  int cond = !ttisfalsy(RA());
  COND_JUMP(cond);
  DISPATCH();
}
L_TESTSET: {
  Value *rb = RB();
  if (ttisfalsy(rb) == GET_k(i)) {
    pc++;
  } else {
    COPYV(RA(), rb);
    pc += GET_sJ(*pc) + 1;
  }
  DISPATCH();
}

  /* ---- calls and returns ---- */
L_CALL: {
  Value *ra = RA();
  int b = GET_B(i);
  if (b != 0)
    L->top = ra + b;  /* else the previous instruction set the top */
  SAVEPC();
  if (likely(ttisLclosure(ra))) {
    /* Lua callee with stack and frame room: vm_precall's Lua case, inline */
    const Proto *p = clLvalue(ra)->p;
    if (likely(L->stack_last - L->top > p->maxstacksize &&
               (ci - L->cibase) + 1 < L->cisize)) {
      CallInfo *newci = ci + 1;
      int narg = (int)(L->top - ra) - 1;
      newci->func = ra;
      newci->nresults = GET_C(i) - 1;
      newci->callstatus = CIST_LUA;
      newci->top = ra + 1 + p->maxstacksize;
      newci->u.l.savedpc = p->code;
      L->ci = newci;
      for (; narg < p->numparams; narg++)
        setnilvalue(L->top++);  /* missing arguments */
      ci = newci;
      goto startfunc;
    }
  } else if (ttislcf(ra) && likely(L->stack_last - L->top > LUA_MINSTACK &&
                                   (ci - L->cibase) + 1 < L->cisize &&
                                   !(L->hookmask & LUA_MASKCALL))) {
    /* light C function (the libraries' functions) with room: vm_precall's C case */
    vm_enterc(L, ci + 1, ra, GET_C(i) - 1);
    int n = fvalue(ra)(L);
    vm_poscall(L, L->ci, n);
    RELOAD();
    DISPATCH();
  }
  CallInfo *newci = vm_precall(L, ra, GET_C(i) - 1);
  if (newci == NULL) {  /* C function: already done */
    RELOAD();
    DISPATCH();
  }
  ci = newci;
  goto startfunc;
}
L_TAILCALL: {
  Value *ra = RA();
  int b = GET_B(i);
  const Proto *p = cl->p;
  int delta = p->is_vararg ? ci->u.l.nextraargs + p->numparams + 1 : 0;
  if (b != 0)
    L->top = ra + b;
  else
    b = (int)(L->top - ra);
  SAVEPC();
  if (GET_C(i) & 1)
    func_closeupval(L, base);
  int n = vm_pretailcall(L, ci, ra, b, delta);
  if (n < 0)
    goto startfunc;  /* Lua callee runs in this frame */
  ci = L->ci;  /* C callee finished: return its results */
  ci->func -= delta;
  fresh = ci->callstatus & CIST_FRESH;
  vm_poscall(L, ci, n);
  goto ret;
}
L_RETURN: {
  Value *ra = RA();
  int n = GET_B(i) - 1;
  if (n < 0)
    n = (int)(L->top - ra);
  SAVEPC();
  if (GET_C(i) & 1) {  /* close upvalues and tbc variables first */
    ci->u2.nres = n;
    if (L->top < ci->top)
      L->top = ci->top;
    func_close(L, base, LUA_OK, 1);
    ci = L->ci;
    base = ci->func + 1;
    ra = RA();
  }
  if (cl->p->is_vararg)
    ci->func -= ci->u.l.nextraargs + cl->p->numparams + 1;
  L->top = ra + n;
  fresh = ci->callstatus & CIST_FRESH;
  vm_poscall(L, ci, n);
  goto ret;
}
L_RETURN0: {
  if (unlikely(L->hookmask || cl->p->is_vararg)) {
    L->top = RA();
    goto L_RETURN_GENERIC0;
  }
  int nres = ci->nresults;
  fresh = ci->callstatus & CIST_FRESH;
  L->ci = ci - 1;
  L->top = base - 1;
  for (; unlikely(nres > 0); nres--)
    setnilvalue(L->top++);
  goto ret;
}
L_RETURN1: {
  if (unlikely(L->hookmask || cl->p->is_vararg)) {
    L->top = RA() + 1;
    goto L_RETURN_GENERIC1;
  }
  int nres = ci->nresults;
  fresh = ci->callstatus & CIST_FRESH;
  L->ci = ci - 1;
  if (nres == 0) {
    L->top = base - 1;
  } else {
    Value *ra = RA();
    COPYV(base - 1, ra);
    L->top = base;
    for (; unlikely(nres > 1); nres--)
      setnilvalue(L->top++);
  }
  goto ret;
}
L_RETURN_GENERIC0:
L_RETURN_GENERIC1: {
  /* hooks on or vararg frame: the general return path with n = top - ra */
  Value *ra = RA();
  int n = (int)(L->top - ra);
  SAVEPC();
  if (cl->p->is_vararg)
    ci->func -= ci->u.l.nextraargs + cl->p->numparams + 1;
  fresh = ci->callstatus & CIST_FRESH;
  vm_poscall(L, ci, n);
  goto ret;
}

  /* ---- loops (FORLOOP/TFORLOOP/LOOP/ENTER charge the budget) ---- */
L_FORPREP: {
  Value *ra = RA();
  /* all-integer loop with a positive step: inline (inner loops start often); the
   * rest, with its float limits, clipping and errors, is forprep */
  if (ttisinteger(ra) && ttisinteger(ra + 1) && ttisinteger(ra + 2) && ivalue(ra + 2) > 0) {
    lua_Integer init = ivalue(ra), limit = ivalue(ra + 1), step = ivalue(ra + 2);
    if (init > limit) {
      pc += GET_D(i) + 1;
      DISPATCH();
    }
    lua_Unsigned count = (lua_Unsigned)limit - (lua_Unsigned)init;
    if (step != 1)
      count /= (lua_Unsigned)step;
    setivalue(ra + 3, init);
    ivalue(ra + 1) = (lua_Integer)count;
    DISPATCH();
  }
  SAVESTATE();
  if (forprep(L, ra))
    pc += GET_D(i) + 1;
  DISPATCH();
}
L_FORLOOP: {
  Value *ra = RA();
  if (ttisinteger(ra + 2)) {
    lua_Unsigned count = (lua_Unsigned)ivalue(ra + 1);
    if (count > 0) {
      lua_Integer idx = (lua_Integer)((lua_Unsigned)ivalue(ra) + (lua_Unsigned)ivalue(ra + 2));
      ivalue(ra + 1) = (lua_Integer)(count - 1);
      ivalue(ra) = idx;
      setivalue(ra + 3, idx);
      pc -= GET_D(i);
      CHARGE(GET_D(i));
    }
  } else if (floatforloop(ra)) {
    pc -= GET_D(i);
    CHARGE(GET_D(i));
  }
  DISPATCH();
}
L_TFORPREP:
  PROTECT(func_newtbcupval(L, RA() + 3));
  pc += GET_D(i);
  DISPATCH();
L_TFORCALL: {
  /* the iterator call is an ordinary call whose results land in R[A+4]...; a Lua
   * iterator runs in this loop and returns to the TFORLOOP that follows */
  Value *ra = RA();
  COPYV(ra + 4, ra);
  COPYV(ra + 5, ra + 1);
  COPYV(ra + 6, ra + 2);
  L->top = ra + 7;
  SAVEPC();
  CallInfo *newci = vm_precall(L, ra + 4, GET_C(i));
  if (newci == NULL) {
    RELOAD();
    DISPATCH();
  }
  ci = newci;
  goto startfunc;
}
L_TFORLOOP: {
  Value *ra = RA();
  if (!ttisnil(ra + 4)) {
    COPYV(ra + 2, ra + 4);
    pc -= GET_D(i);
    CHARGE(GET_D(i));
  }
  DISPATCH();
}
L_LOOP:
  CHARGE(GET_D(i));
  DISPATCH();
L_SETLIST: {
  Value *ra = RA();
  int n = GET_B(i);
  unsigned last = *pc++;
  if (n == 0)
    n = (int)(L->top - ra) - 1;
  else
    L->top = ci->top;
  Table *t = tabvalue(ra);
  last += (unsigned)n;
  if (last > t->asize) {
    SAVEPC();
    tab_resize(L, t, last, t->lastfree != NULL ? sizenode(t) : 0);
  }
  for (; n > 0; n--)
    COPYV(&t->array[--last], ra + n);
  DISPATCH();
}
L_CLOSURE: {
  Proto *p = cl->p->p[GET_D(i)];
  SAVESTATE();
  LClosure *ncl = func_newLclosure(L, p->sizeupvalues);
  ncl->p = p;
  setclLvalue(RA(), ncl);  /* anchor it before creating upvalues */
  for (int u = 0; u < p->sizeupvalues; u++) {
    const UpvalDesc *d = &p->upvalues[u];
    ncl->upvals[u] = d->instack ? func_findupval(L, base + d->idx) : cl->upvals[d->idx];
  }
  DISPATCH();
}
L_VARARG: {
  int n = GET_C(i) - 1;
  SAVEPC();
  get_varargs(L, ci, RA(), n);
  RELOAD();
  DISPATCH();
}
L_VARARGPREP: {
  PROTECT_NT(adjust_varargs(L, ci, cl->p));
  if (unlikely(L->hookmask)) {
    SAVEPC();
    vm_hookcall(L, ci);
    L->oldpc = 1;  /* the next instruction counts as a new line */
  }
  RELOAD();  /* the call hook may have set a line hook */
  DISPATCH();
}
L_ENTER:
  if (unlikely(GET_A(i) != 0)) {
    /* a function from a binary chunk: nothing left by earlier calls is readable */
    for (Value *r = base + cl->p->numparams; r < ci->top; r++)
      setnilvalue(r);
  }
  CHARGE(GET_D(i));
  DISPATCH();
L_EXTRAARG:
  DISPATCH();

ret:
  if (fresh)
    return;
  ci = L->ci;
  goto returning;
}

/* Finish the instruction a yield interrupted inside a metamethod (lua5.4
 * luaV_finishOp): store the metamethod's result, or take the compare's jump. */
void vm_finishop(lua_State *L) {
  CallInfo *ci = L->ci;
  Value *base = ci->func + 1;
  Instruction inst = *(ci->u.l.savedpc - 1);
  int op = GET_OP(inst);
  switch (op) {
    case OP_ADDI: case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK:
    case OP_DIVK: case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW: case OP_DIV:
    case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR: case OP_SHL: case OP_SHR:
    case OP_UNM: case OP_BNOT: case OP_LEN:
    case OP_GETTABUP: case OP_GETTABLE: case OP_GETI: case OP_GETFIELD: case OP_SELF:
      L->top--;
      COPYV(base + GET_A(inst), L->top);
      break;
    case OP_LT: case OP_LE: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI:
    case OP_EQ: {
      int res = !ttisfalsy(L->top - 1);
      L->top--;
      if (ci->callstatus & CIST_LEQ) {  /* __le emulated through __lt */
        ci->callstatus &= ~CIST_LEQ;
        res = !res;
      }
      if (res != GET_k(inst))
        ci->u.l.savedpc++;  /* condition failed: skip the jump word */
      break;
    }
    case OP_CONCAT: {
      Value *top = L->top - 1;  /* top when the __concat call was made */
      int a = GET_A(inst);
      int total = (int)(top - 1 - (base + a));
      top[-2] = top[0];
      L->top = top - 1;
      vm_concat(L, total);
      break;
    }
    case OP_CLOSE:
      ci->u.l.savedpc--;  /* run CLOSE again for the remaining variables */
      break;
    case OP_RETURN: {
      Value *ra = base + GET_A(inst);
      L->top = ra + ci->u2.nres;
      ci->u.l.savedpc--;
      break;
    }
    default:
      break;
  }
}
