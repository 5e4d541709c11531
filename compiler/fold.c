/* Constant folding of arithmetic, bitwise and 'not' on constant operands, as lua5.4's
 * lcode.c does it (validop + luaO_rawarith): the compiled program must behave exactly
 * as if the operation ran at run time, so anything that could raise an error, produce
 * NaN or a signed zero is left for the VM. Called bottom-up by compiler/resolve.c. */
#include <math.h>

#include "fold.h"

int fold_tonumeral(const Expr *e, Value *v) {
  if (e->kind == EX_INT) {
    if (v) setivalue(v, e->u.ival);
    return 1;
  }
  if (e->kind == EX_FLT) {
    if (v) setfltvalue(v, e->u.nval);
    return 1;
  }
  return 0;
}

/* Float -> integer only when exact (lua5.4's F2Ieq, the mode used for bitwise folding). */
static int tointeger_eq(const Value *v, lua_Integer *out) {
  if (ttisinteger(v)) {
    *out = ivalue(v);
    return 1;
  }
  double f = fltvalue(v);
  if (f != floor(f)) return 0;
  if (!(f >= -9223372036854775808.0 && f < 9223372036854775808.0)) return 0;
  *out = (lua_Integer)f;
  return 1;
}

static lua_Integer shiftl(lua_Integer x, lua_Integer y) {
  if (y < 0) {
    if (y <= -64) return 0;
    return (lua_Integer)((lua_Unsigned)x >> (lua_Unsigned)(-y));
  }
  if (y >= 64) return 0;
  return (lua_Integer)((lua_Unsigned)x << (lua_Unsigned)y);
}

static lua_Integer int_mod(lua_Integer m, lua_Integer n) {
  if ((lua_Unsigned)n + 1u <= 1u) return 0;  /* n == -1 (n == 0 excluded by the caller) */
  lua_Integer r = m % n;
  if (r != 0 && (r ^ n) < 0) r += n;
  return r;
}

static lua_Integer int_idiv(lua_Integer m, lua_Integer n) {
  if ((lua_Unsigned)n + 1u <= 1u) return (lua_Integer)(0u - (lua_Unsigned)m);
  lua_Integer q = m / n;
  if ((m ^ n) < 0 && m % n != 0) q -= 1;
  return q;
}

static double flt_mod(double a, double b) {
  double m = fmod(a, b);
  if ((m > 0) ? b < 0 : (m < 0 && b > 0)) m += b;  /* m and b of different signs */
  return m;
}

static int valid_op(int op, const Value *a, const Value *b) {
  lua_Integer i = 0;
  switch (op) {
    case BIN_BAND: case BIN_BOR: case BIN_BXOR: case BIN_SHL: case BIN_SHR:
      return tointeger_eq(a, &i) && tointeger_eq(b, &i);
    case BIN_DIV: case BIN_IDIV: case BIN_MOD:
      return nvalue(b) != 0;
    default:
      return 1;
  }
}

/* The raw operation; the result is kept only if it is an integer or a non-zero,
 * non-NaN float (see fold_arith). */
static void raw_arith(int op, const Value *a, const Value *b, Value *res) {
  if (ttisinteger(a) && ttisinteger(b)) {
    lua_Unsigned x = (lua_Unsigned)ivalue(a), y = (lua_Unsigned)ivalue(b);
    switch (op) {
      case BIN_ADD: setivalue(res, (lua_Integer)(x + y)); return;
      case BIN_SUB: setivalue(res, (lua_Integer)(x - y)); return;
      case BIN_MUL: setivalue(res, (lua_Integer)(x * y)); return;
      case BIN_MOD: setivalue(res, int_mod(ivalue(a), ivalue(b))); return;
      case BIN_IDIV: setivalue(res, int_idiv(ivalue(a), ivalue(b))); return;
      default: break;
    }
  }
  switch (op) {
    case BIN_BAND: case BIN_BOR: case BIN_BXOR: case BIN_SHL: case BIN_SHR: {
      lua_Integer i = 0, j = 0;
      tointeger_eq(a, &i);
      tointeger_eq(b, &j);
      lua_Integer r;
      switch (op) {
        case BIN_BAND: r = (lua_Integer)((lua_Unsigned)i & (lua_Unsigned)j); break;
        case BIN_BOR: r = (lua_Integer)((lua_Unsigned)i | (lua_Unsigned)j); break;
        case BIN_BXOR: r = (lua_Integer)((lua_Unsigned)i ^ (lua_Unsigned)j); break;
        case BIN_SHL: r = shiftl(i, j); break;
        default: r = shiftl(i, (lua_Integer)(0u - (lua_Unsigned)j)); break;
      }
      setivalue(res, r);
      return;
    }
    default: break;
  }
  double x = nvalue(a), y = nvalue(b), r;
  switch (op) {
    case BIN_ADD: r = x + y; break;
    case BIN_SUB: r = x - y; break;
    case BIN_MUL: r = x * y; break;
    case BIN_MOD: r = flt_mod(x, y); break;
    case BIN_POW: r = (y == 2) ? x * x : pow(x, y); break;
    case BIN_DIV: r = x / y; break;
    case BIN_IDIV: r = floor(x / y); break;
    default: r = 0; break;
  }
  setfltvalue(res, r);
}

int fold_arith(int op, const Value *a, const Value *b, Value *res) {
  if (!ttisnumber(a) || !ttisnumber(b) || !valid_op(op, a, b)) return 0;
  raw_arith(op, a, b, res);
  if (ttisfloat(res)) {
    double n = fltvalue(res);
    if (isnan(n) || n == 0) return 0;
  }
  return 1;
}

int fold_unary(int op, const Value *a, Value *res) {
  Value zero;
  setivalue(&zero, 0);
  if (!ttisnumber(a)) return 0;
  if (op == UN_MINUS) {
    /* 0 - a for integers (wraps), -a for floats: as lua5.4's luaO_rawarith(OPUNM) */
    if (ttisinteger(a)) setivalue(res, (lua_Integer)(0u - (lua_Unsigned)ivalue(a)));
    else setfltvalue(res, -fltvalue(a));
  } else if (op == UN_BNOT) {
    lua_Integer i;
    if (!tointeger_eq(a, &i)) return 0;
    setivalue(res, (lua_Integer)~(lua_Unsigned)i);
  } else {
    return 0;
  }
  if (ttisfloat(res) && (isnan(fltvalue(res)) || fltvalue(res) == 0)) return 0;
  return 1;
}

static void set_number(Expr *e, const Value *v) {
  if (ttisinteger(v)) {
    e->kind = EX_INT;
    e->u.ival = ivalue(v);
  } else {
    e->kind = EX_FLT;
    e->u.nval = fltvalue(v);
  }
}

void fold_expr(Expr *e) {
  Value a, b, r;
  switch (e->kind) {
    case EX_BIN:
      if (e->op <= BIN_SHR && fold_tonumeral(e->u.bin.left, &a) &&
          fold_tonumeral(e->u.bin.right, &b) && fold_arith(e->op, &a, &b, &r))
        set_number(e, &r);
      break;
    case EX_UN: {
      Expr *o = e->u.un.operand;
      if (e->op == UN_NOT) {
        if (o->kind == EX_NIL || o->kind == EX_FALSE) e->kind = EX_TRUE;
        else if (ex_isconst(o)) e->kind = EX_FALSE;
      } else if (fold_tonumeral(o, &a) && fold_unary(e->op, &a, &r)) {
        set_number(e, &r);
      }
      break;
    }
    case EX_PAREN: {
      Expr *in = e->u.paren.inner;
      if (ex_isconst(in)) {
        int line = e->line;
        Expr *next = e->next;
        *e = *in;
        e->line = line;
        e->next = next;
      }
      break;
    }
    default:
      break;
  }
}
