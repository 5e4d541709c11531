/* The bytecode verifier (spec/verifier.md). Runs over each prototype of a loaded
 * chunk in three passes: (1) structure of the code array (valid opcodes, AUX words,
 * header, last instruction, operand ranges, jump targets); (2) pairing of for-loop
 * instructions and the nesting of numeric for-loops; (3) a forward dataflow over
 * registers for the two facts the interpreter assumes without checking at run time:
 * SETLIST's target is a table NEWTABLE made, and a numeric for-loop's counters keep
 * the integer/float types FORPREP gave them (no write, no open upvalue onto them). */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "verify.h"
#include "../vm/opcodes.h"

/* Limits the verifier enforces beyond the encoding's own. */
#define MAX_PROTO_NEST 200       /* nested prototypes (the loader's CVB_MAXNEST) */
#define MAX_LOOP_NEST  200       /* nested numeric for-loops */
#define MAX_TABLE_HINT (1u << 26)  /* NEWTABLE array size / SETLIST start index */
#define MAX_HASH_LOG   27        /* NEWTABLE B: log2(hash size) + 1 */
#define OPEN_TOP       255       /* "up to the top": a write range open above */

typedef struct Verifier {
  const Proto *f;
  const Proto *parent;     /* NULL for the main function */
  char *err;
  size_t errsize;
  int failed;
  /* per-instruction tables of the current function (malloc'd) */
  uint8_t *isaux;          /* 1: AUX data word, not an instruction */
  uint8_t *istarget;       /* 1: target of some jump or skip */
  int32_t *inner;          /* innermost numeric for-loop whose body holds pc, or -1 */
  int nloops;
  struct Loop { int prep, end, a, parent; } *loops;
} Verifier;

/* Register sets for the dataflow: 256 bits. */
typedef struct RegSet {
  uint64_t w[4];
} RegSet;

static int fail(Verifier *V, int pc, const char *fmt, ...) {
  if (V->failed)
    return 0;
  V->failed = 1;
  char why[160];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, sizeof why, fmt, ap);
  va_end(ap);
  if (pc >= 0 && pc < V->f->sizecode) {
    int op = GET_OP(V->f->code[pc]);
    snprintf(V->err, V->errsize, "function at line %d, instruction %d (%s): %s",
             V->f->linedefined, pc + 1, op < NUM_OPCODES ? op_names[op] : "?", why);
  } else {
    snprintf(V->err, V->errsize, "function at line %d: %s", V->f->linedefined, why);
  }
  return 0;
}

static int has_aux(int op) {
  return op == OP_NEWTABLE || op == OP_SETLIST || op == OP_LOADKX;
}

static int is_compare(int op) {
  switch (op) {
    case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI: case OP_LTI:
    case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST: case OP_TESTSET:
      return 1;
    default:
      return 0;
  }
}

static int is_return(int op) {
  return op == OP_RETURN || op == OP_RETURN0 || op == OP_RETURN1;
}

/* ---- pass 1: operands ---- */

static int reg(Verifier *V, int pc, int r, const char *what) {
  if (r >= V->f->maxstacksize)
    return fail(V, pc, "register %d (%s) beyond the frame of %d", r, what,
                V->f->maxstacksize);
  return 1;
}

static int konst(Verifier *V, int pc, long k) {
  if (k < 0 || k >= V->f->sizek)
    return fail(V, pc, "constant %ld out of range", k);
  return 1;
}

static int shortstr_k(Verifier *V, int pc, int k) {
  if (!konst(V, pc, k))
    return 0;
  const Value *v = &V->f->k[k];
  if (v->tt != TAG_STR || !strvalue(v)->is_short)
    return fail(V, pc, "constant %d is not a short string", k);
  return 1;
}

static int string_k(Verifier *V, int pc, int k) {
  if (!konst(V, pc, k))
    return 0;
  if (V->f->k[k].tt != TAG_STR)
    return fail(V, pc, "constant %d is not a string", k);
  return 1;
}

static int number_k(Verifier *V, int pc, int k) {
  if (!konst(V, pc, k))
    return 0;
  if (V->f->k[k].tt != TAG_INT && V->f->k[k].tt != TAG_FLT)
    return fail(V, pc, "constant %d is not a number", k);
  return 1;
}

static int upval(Verifier *V, int pc, int u) {
  if (u >= V->f->sizeupvalues)
    return fail(V, pc, "upvalue %d out of range", u);
  return 1;
}

/* A jump from pc to target: inside the code, on an instruction, and backwards only
 * onto a LOOP marker (so every loop charges the safe-point budget). */
static int jump_to(Verifier *V, int pc, long target, int backward_ok) {
  if (target < 0 || target >= V->f->sizecode)
    return fail(V, pc, "jump to %ld outside the function", target + 1);
  if (V->isaux[target])
    return fail(V, pc, "jump into the data word at %ld", target + 1);
  if (target <= pc && !backward_ok && GET_OP(V->f->code[target]) != OP_LOOP)
    return fail(V, pc, "backward jump to %ld, not onto a LOOP", target + 1);
  V->istarget[target] = 1;
  return 1;
}

/* Instructions whose B (or C) = 0 means "up to the top" need the top that the
 * previous instruction, an open CALL or VARARG at a register at or above `a_min`,
 * left; they must not be reachable any other way (checked after all targets are known). */
static int top_user(Verifier *V, int pc, int a_min) {
  if (pc == 0 || V->isaux[pc - 1])
    return fail(V, pc, "uses the stack top, but no open call or vararg precedes it");
  Instruction prev = V->f->code[pc - 1];
  int op = GET_OP(prev);
  if (op == OP_TAILCALL)
    return 1;  /* never falls through: lua5.4's RETURN after TAILCALL is dead code */
  if (!((op == OP_CALL || op == OP_VARARG) && GET_C(prev) == 0))
    return fail(V, pc, "uses the stack top, but no open call or vararg precedes it");
  if (GET_A(prev) < a_min)
    return fail(V, pc, "uses the stack top set below its operands");
  return 1;
}

/* Constructor sizes: every item costs the compiler at least one instruction, and one
 * LOADNIL covers at most 256 items, so a function's tables cannot need more than
 * 256 * sizecode slots; bounding the hints by that keeps a tiny hostile chunk from
 * asking for gigabytes. */
static uint32_t table_hint_limit(const Proto *f) {
  uint64_t lim = (uint64_t)f->sizecode * 256u;
  return lim < MAX_TABLE_HINT ? (uint32_t)lim : MAX_TABLE_HINT;
}

static int check_instruction(Verifier *V, int pc) {
  const Proto *f = V->f;
  Instruction i = f->code[pc];
  int op = GET_OP(i);
  int a = GET_A(i), b = GET_B(i), c = GET_C(i), d = GET_D(i);
  int n = f->sizecode;
  switch (op) {
    case OP_MOVE: case OP_UNM: case OP_BNOT: case OP_NOT: case OP_LEN:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B");
    case OP_LOADI: case OP_LOADF: case OP_LOADFALSE: case OP_LOADTRUE:
    case OP_CLOSE: case OP_TBC:
      return reg(V, pc, a, "A");
    case OP_LFALSESKIP:
      if (pc + 2 >= n || V->isaux[pc + 2])
        return fail(V, pc, "skips onto no instruction");
      V->istarget[pc + 2] = 1;
      return reg(V, pc, a, "A");
    case OP_LOADK:
      return reg(V, pc, a, "A") && konst(V, pc, d);
    case OP_LOADKX:
      return reg(V, pc, a, "A") && konst(V, pc, (long)f->code[pc + 1]);
    case OP_LOADNIL:
      return reg(V, pc, a + b, "A+B");
    case OP_GETUPVAL: case OP_SETUPVAL:
      return reg(V, pc, a, "A") && upval(V, pc, b);
    case OP_GETTABUP:
      return reg(V, pc, a, "A") && upval(V, pc, b) && shortstr_k(V, pc, c);
    case OP_GETTABLE:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B") && reg(V, pc, c, "C");
    case OP_GETI:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B");
    case OP_GETFIELD:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B") && shortstr_k(V, pc, c);
    case OP_SETTABUP:
      return upval(V, pc, a) && shortstr_k(V, pc, b) && reg(V, pc, c, "C");
    case OP_SETTABLE:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B") && reg(V, pc, c, "C");
    case OP_SETI:
      return reg(V, pc, a, "A") && reg(V, pc, c, "C");
    case OP_SETFIELD:
      return reg(V, pc, a, "A") && shortstr_k(V, pc, b) && reg(V, pc, c, "C");
    case OP_NEWTABLE:
      if (b > MAX_HASH_LOG || (b > 0 && (1u << (b - 1)) > table_hint_limit(f)))
        return fail(V, pc, "hash size hint %d too large", b);
      if (f->code[pc + 1] > table_hint_limit(f))
        return fail(V, pc, "array size hint %u too large", f->code[pc + 1]);
      return reg(V, pc, a, "A");
    case OP_SELF:
      return reg(V, pc, a + 1, "A+1") && reg(V, pc, b, "B") && string_k(V, pc, c);
    case OP_ADDI:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B");
    case OP_ADDK: case OP_SUBK: case OP_MULK: case OP_MODK: case OP_POWK: case OP_DIVK:
    case OP_IDIVK: case OP_BANDK: case OP_BORK: case OP_BXORK:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B") && number_k(V, pc, c);
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_MOD: case OP_POW: case OP_DIV:
    case OP_IDIV: case OP_BAND: case OP_BOR: case OP_BXOR: case OP_SHL: case OP_SHR:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B") && reg(V, pc, c, "C");
    case OP_CONCAT:
      if (b < 2)
        return fail(V, pc, "concatenation of %d values", b);
      return reg(V, pc, a + b - 1, "A+B-1");
    case OP_JMP:
      return jump_to(V, pc, (long)pc + 1 + GET_sJ(i), 0);
    case OP_EQ: case OP_LT: case OP_LE:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B");
    case OP_EQK:
      return reg(V, pc, a, "A") && konst(V, pc, b);
    case OP_EQI: case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST:
      return reg(V, pc, a, "A");
    case OP_TESTSET:
      return reg(V, pc, a, "A") && reg(V, pc, b, "B");
    case OP_CALL:
      if (!reg(V, pc, a, "A"))
        return 0;
      if (b == 0 ? !top_user(V, pc, a + 1) : !reg(V, pc, a + b - 1, "A+B-1"))
        return 0;
      return c == 0 || reg(V, pc, a + c - 2, "A+C-2");
    case OP_TAILCALL:
      if (!reg(V, pc, a, "A"))
        return 0;
      return b == 0 ? top_user(V, pc, a + 1) : reg(V, pc, a + b - 1, "A+B-1");
    case OP_RETURN:
      if (b == 0) {
        if (a > f->maxstacksize)
          return fail(V, pc, "register %d beyond the frame", a);
        return top_user(V, pc, a);
      }
      if (b == 1 && a <= f->maxstacksize)
        return 1;
      return reg(V, pc, a + b - 2, "A+B-2");
    case OP_RETURN0:
      if (a > f->maxstacksize)
        return fail(V, pc, "register %d beyond the frame", a);
      return 1;
    case OP_RETURN1:
      return reg(V, pc, a, "A");
    case OP_FORPREP: case OP_FORLOOP:
      return reg(V, pc, a + 3, "A+3");   /* pairing: pass 2 */
    case OP_TFORPREP:
      return reg(V, pc, a + 3, "A+3");
    case OP_TFORCALL:
      /* the iterator is called at A+4 with two arguments */
      return reg(V, pc, a + 6, "A+6") && reg(V, pc, a + 3 + c, "A+3+C");
    case OP_TFORLOOP:
      return reg(V, pc, a + 4, "A+4");
    case OP_LOOP:
      if (d < 1)
        return fail(V, pc, "loop charges no fuel");
      return 1;
    case OP_SETLIST:
      if (f->code[pc + 1] > table_hint_limit(f))
        return fail(V, pc, "start index %u too large", f->code[pc + 1]);
      return b == 0 ? reg(V, pc, a, "A") && top_user(V, pc, a + 1) : reg(V, pc, a + b, "A+B");
    case OP_CLOSURE:
      if (d >= f->sizep)
        return fail(V, pc, "function %d out of range", d);
      return reg(V, pc, a, "A");
    case OP_VARARG:
      if (!f->is_vararg)
        return fail(V, pc, "vararg in a function that has none");
      return reg(V, pc, a, "A") && (c == 0 || reg(V, pc, a + c - 2, "A+C-2"));
    case OP_VARARGPREP:
      if (pc != 0 || !f->is_vararg)
        return fail(V, pc, "VARARGPREP must be the first instruction of a vararg function");
      return 1;
    case OP_ENTER:
      if (d < 1)
        return fail(V, pc, "header charges no fuel");
      return 1;
    default:
      return fail(V, pc, "invalid opcode %d", op);
  }
}

static int check_code(Verifier *V) {
  const Proto *f = V->f;
  int n = f->sizecode;
  if (n == 0)
    return fail(V, -1, "no code");
  /* instruction boundaries first: AUX words are data */
  int last = 0;
  for (int pc = 0; pc < n; pc++) {
    int op = GET_OP(f->code[pc]);
    if (op >= NUM_OPCODES || op == OP_EXTRAARG)
      return fail(V, pc, "invalid opcode %d", op);
    last = pc;
    if (has_aux(op)) {
      if (pc + 1 >= n)
        return fail(V, pc, "missing data word");
      V->isaux[++pc] = 1;
    }
  }
  if (!is_return(GET_OP(f->code[last])))
    return fail(V, last, "the last instruction is not a return");
  /* header: [VARARGPREP] ENTER */
  int first = 0;
  if (f->is_vararg) {
    if (GET_OP(f->code[0]) != OP_VARARGPREP)
      return fail(V, 0, "a vararg function must start with VARARGPREP");
    first = 1;
  }
  if (first >= n || GET_OP(f->code[first]) != OP_ENTER)
    return fail(V, first, "the function header ENTER is missing");
  for (int pc = 0; pc < n; pc++) {
    if (V->isaux[pc])
      continue;
    if (!check_instruction(V, pc))
      return 0;
    int op = GET_OP(f->code[pc]);
    if (is_compare(op)) {
      if (pc + 2 >= n || GET_OP(f->code[pc + 1]) != OP_JMP)
        return fail(V, pc, "a comparison must be followed by a jump");
      V->istarget[pc + 2] = 1;
    }
  }
  /* the top-using instructions must only be reached from their producer */
  for (int pc = 0; pc < n; pc++) {
    if (V->isaux[pc] || !V->istarget[pc])
      continue;
    Instruction i = f->code[pc];
    int op = GET_OP(i);
    if (((op == OP_CALL || op == OP_TAILCALL || op == OP_RETURN || op == OP_SETLIST) &&
         GET_B(i) == 0))
      return fail(V, pc, "uses the stack top but is a jump target");
  }
  return 1;
}

/* ---- pass 2: loops ---- */

static int is_ancestor(Verifier *V, int anc, int l) {
  for (; l >= 0; l = V->loops[l].parent)
    if (l == anc)
      return 1;
  return 0;
}

static int check_loops(Verifier *V) {
  const Proto *f = V->f;
  int n = f->sizecode;
  uint8_t *owned = calloc((size_t)n, 1);  /* FORLOOP/TFORCALL/TFORLOOP claimed by a prep */
  if (owned == NULL)
    return fail(V, -1, "out of memory in the verifier");
  int nloops = 0;
  for (int pc = 0; pc < n; pc++)
    if (!V->isaux[pc] && GET_OP(f->code[pc]) == OP_FORPREP)
      nloops++;
  V->loops = malloc(sizeof *V->loops * (size_t)(nloops ? nloops : 1));
  if (V->loops == NULL) {
    free(owned);
    return fail(V, -1, "out of memory in the verifier");
  }
  int stack[MAX_LOOP_NEST], depth = 0;
  int ok = 1;
  for (int pc = 0; pc < n && ok; pc++) {
    while (depth > 0 && V->loops[stack[depth - 1]].end < pc)
      depth--;
    V->inner[pc] = depth > 0 ? stack[depth - 1] : -1;
    if (V->isaux[pc])
      continue;
    Instruction i = f->code[pc];
    int op = GET_OP(i), a = GET_A(i);
    long q;
    switch (op) {
      case OP_FORPREP:
        q = (long)pc + 1 + GET_D(i);
        if (q >= n || V->isaux[q] || GET_OP(f->code[q]) != OP_FORLOOP ||
            GET_A(f->code[q]) != a || GET_D(f->code[q]) != q - pc) {
          ok = fail(V, pc, "no matching FORLOOP");
          break;
        }
        if (depth > 0 && q > V->loops[stack[depth - 1]].end) {
          ok = fail(V, pc, "for-loops overlap");
          break;
        }
        if (depth == MAX_LOOP_NEST) {
          ok = fail(V, pc, "for-loops nested too deeply");
          break;
        }
        if (q + 1 >= n) {
          ok = fail(V, pc, "loop exit outside the function");
          break;
        }
        owned[q] = 1;
        V->istarget[q + 1] = 1;
        V->loops[V->nloops] = (struct Loop){pc, (int)q, a, depth > 0 ? stack[depth - 1] : -1};
        stack[depth++] = V->nloops++;
        break;
      case OP_TFORPREP:
        q = (long)pc + 1 + GET_D(i);  /* the TFORCALL; its TFORLOOP follows */
        if (q + 1 >= n || V->isaux[q] || GET_OP(f->code[q]) != OP_TFORCALL ||
            GET_A(f->code[q]) != a || GET_OP(f->code[q + 1]) != OP_TFORLOOP ||
            GET_A(f->code[q + 1]) != a || GET_D(f->code[q + 1]) != q + 1 - pc) {
          ok = fail(V, pc, "no matching TFORCALL/TFORLOOP");
          break;
        }
        if (q + 2 >= n) {
          ok = fail(V, pc, "loop exit outside the function");
          break;
        }
        owned[q] = owned[q + 1] = 1;
        V->istarget[q] = 1;
        break;
      default:
        break;
    }
  }
  for (int pc = 0; pc < n && ok; pc++) {
    if (V->isaux[pc])
      continue;
    int op = GET_OP(f->code[pc]);
    if ((op == OP_FORLOOP || op == OP_TFORCALL || op == OP_TFORLOOP) && !owned[pc])
      ok = fail(V, pc, "loop instruction without its preparation");
  }
  free(owned);
  return ok;
}

/* ---- pass 3: register dataflow ---- */

static void set_add(RegSet *s, int r) {
  s->w[r >> 6] |= (uint64_t)1 << (r & 63);
}

static int set_has(const RegSet *s, int r) {
  return (int)((s->w[r >> 6] >> (r & 63)) & 1);
}

/* Remove registers lo..hi (hi inclusive, <= 255). */
static void set_remove(RegSet *s, int lo, int hi) {
  for (int r = lo; r <= hi && r <= 255; r++)
    s->w[r >> 6] &= ~((uint64_t)1 << (r & 63));
}

/* Registers an instruction may write: [*lo, *hi]; returns 0 when it writes none.
 * A call's callee frame lies above its function slot, so a call clobbers everything
 * from there up. */
static int write_range(Instruction i, int *lo, int *hi) {
  int a = GET_A(i), b = GET_B(i), c = GET_C(i);
  *lo = *hi = a;
  switch (GET_OP(i)) {
    case OP_LOADNIL: *hi = a + b; return 1;
    case OP_SELF: *hi = a + 1; return 1;
    case OP_CONCAT: *hi = a + b - 1; return 1;
    case OP_CALL: *hi = OPEN_TOP; return 1;
    case OP_TFORCALL: *lo = a + 4; *hi = OPEN_TOP; return 1;
    case OP_VARARG: *hi = c == 0 ? OPEN_TOP : a + c - 2; return c != 1;
    case OP_FORPREP: case OP_FORLOOP: *hi = a + 3; return 1;
    case OP_TFORLOOP: *lo = *hi = a + 2; return 1;
    case OP_SETTABUP: case OP_SETTABLE: case OP_SETI: case OP_SETFIELD: case OP_SETUPVAL:
    case OP_SETLIST: case OP_EQ: case OP_LT: case OP_LE: case OP_EQK: case OP_EQI:
    case OP_LTI: case OP_LEI: case OP_GTI: case OP_GEI: case OP_TEST: case OP_JMP:
    case OP_LOOP: case OP_ENTER: case OP_RETURN: case OP_RETURN0: case OP_RETURN1:
    case OP_TAILCALL: case OP_CLOSE: case OP_TBC: case OP_TFORPREP: case OP_VARARGPREP:
      return 0;
    default:
      return 1;  /* the rest write R[A] */
  }
}

typedef struct FlowState {
  RegSet open;    /* may hold an open upvalue (union over paths) */
  RegSet tbc;     /* may be a pending to-be-closed variable (union over paths) */
  RegSet table;   /* surely holds a table NEWTABLE made (intersection over paths) */
} FlowState;

/* Successors of the instruction at pc (at most 2). */
static int successors(const Proto *f, int pc, int succ[2]) {
  Instruction i = f->code[pc];
  int op = GET_OP(i);
  switch (op) {
    case OP_JMP: succ[0] = pc + 1 + GET_sJ(i); return 1;
    case OP_LFALSESKIP: succ[0] = pc + 2; return 1;
    case OP_FORPREP: succ[0] = pc + 1; succ[1] = pc + 2 + GET_D(i); return 2;
    case OP_FORLOOP: case OP_TFORLOOP: succ[0] = pc + 1; succ[1] = pc + 1 - GET_D(i); return 2;
    case OP_TFORPREP: succ[0] = pc + 1 + GET_D(i); return 1;
    case OP_RETURN: case OP_RETURN0: case OP_RETURN1: case OP_TAILCALL: return 0;
    case OP_LOADKX: case OP_NEWTABLE: case OP_SETLIST: succ[0] = pc + 2; return 1;
    default:
      if (is_compare(op)) {
        succ[0] = pc + 1;
        succ[1] = pc + 2;
        return 2;
      }
      succ[0] = pc + 1;
      return 1;
  }
}

static void transfer(const Proto *f, int pc, FlowState *s) {
  Instruction i = f->code[pc];
  int op = GET_OP(i), lo, hi;
  if (write_range(i, &lo, &hi))
    set_remove(&s->table, lo, hi);
  if (op == OP_NEWTABLE)
    set_add(&s->table, GET_A(i));
  else if (op == OP_CLOSE) {
    set_remove(&s->open, GET_A(i), OPEN_TOP);
    set_remove(&s->tbc, GET_A(i), OPEN_TOP);
  } else if (op == OP_TBC)
    set_add(&s->tbc, GET_A(i));
  else if (op == OP_CLOSURE) {
    const Proto *np = f->p[GET_D(i)];
    for (int u = 0; u < np->sizeupvalues; u++)
      if (np->upvalues[u].instack)
        set_add(&s->open, np->upvalues[u].idx);
  }
}

/* Merge `in` into the state at pc; returns 1 when it changed. */
static int merge(FlowState *st, uint8_t *seen, int pc, const FlowState *in) {
  if (!seen[pc]) {
    seen[pc] = 1;
    st[pc] = *in;
    return 1;
  }
  int changed = 0;
  for (int w = 0; w < 4; w++) {
    uint64_t o = st[pc].open.w[w] | in->open.w[w];
    uint64_t c = st[pc].tbc.w[w] | in->tbc.w[w];
    uint64_t t = st[pc].table.w[w] & in->table.w[w];
    changed |= o != st[pc].open.w[w] || c != st[pc].tbc.w[w] || t != st[pc].table.w[w];
    st[pc].open.w[w] = o;
    st[pc].tbc.w[w] = c;
    st[pc].table.w[w] = t;
  }
  return changed;
}

static int check_loop_state(Verifier *V, int pc, const FlowState *s, int l) {
  int a = V->loops[l].a;
  for (int r = a; r <= a + 2; r++)
    if (set_has(&s->open, r))
      return fail(V, pc, "an open upvalue may change for-loop register %d", r);
  return 1;
}

static int set_empty(const RegSet *s) {
  return (s->w[0] | s->w[1] | s->w[2] | s->w[3]) == 0;
}

/* A frame must not end with an upvalue still open on its registers or a to-be-closed
 * variable still pending: RETURN0/RETURN1 and a RETURN or TAILCALL without the close
 * flag leave them, and they would then alias whatever frame next uses those slots (a
 * closure reading and writing another function's locals; a __close called on a later
 * function's value when a C function returns). TAILCALL closes upvalues only. */
static int check_exit(Verifier *V, int pc, const FlowState *s) {
  Instruction i = V->f->code[pc];
  int op = GET_OP(i);
  int closes = (op == OP_RETURN || op == OP_TAILCALL) && (GET_C(i) & 1);
  if (op != OP_RETURN && op != OP_RETURN0 && op != OP_RETURN1 && op != OP_TAILCALL)
    return 1;
  if (op == OP_TAILCALL && !set_empty(&s->tbc))
    return fail(V, pc, "tail call with a to-be-closed variable pending");
  if (!closes && (!set_empty(&s->open) || !set_empty(&s->tbc)))
    return fail(V, pc, "returns without closing an open upvalue or to-be-closed variable");
  return 1;
}

/* Does the function make upvalues on its own registers or to-be-closed variables? */
static int makes_closables(const Proto *f, const uint8_t *isaux) {
  for (int pc = 0; pc < f->sizecode; pc++) {
    Instruction i = f->code[pc];
    if (isaux[pc])
      continue;
    if (GET_OP(i) == OP_TBC)
      return 1;
    if (GET_OP(i) == OP_CLOSURE) {
      const Proto *np = f->p[GET_D(i)];
      for (int u = 0; u < np->sizeupvalues; u++)
        if (np->upvalues[u].instack)
          return 1;
    }
  }
  return 0;
}

static int check_flow(Verifier *V) {
  const Proto *f = V->f;
  int n = f->sizecode;
  int needed = makes_closables(f, V->isaux);
  for (int pc = 0; pc < n && !needed; pc++)
    if (!V->isaux[pc] && (GET_OP(f->code[pc]) == OP_SETLIST || GET_OP(f->code[pc]) == OP_FORPREP))
      needed = 1;
  if (!needed)
    return 1;
  FlowState *st = malloc(sizeof *st * (size_t)n);
  uint8_t *seen = calloc((size_t)n, 1);
  uint8_t *queued = calloc((size_t)n, 1);
  int *work = malloc(sizeof *work * (size_t)n);
  int ok = 1;
  if (st == NULL || seen == NULL || queued == NULL || work == NULL) {
    ok = fail(V, -1, "out of memory in the verifier");
    goto done;
  }
  FlowState entry;
  memset(&entry, 0, sizeof entry);
  merge(st, seen, 0, &entry);
  int nwork = 0;
  work[nwork++] = 0;
  queued[0] = 1;
  while (nwork > 0) {
    int pc = work[--nwork];
    queued[pc] = 0;
    FlowState s = st[pc];
    transfer(f, pc, &s);
    int succ[2];
    int ns = successors(f, pc, succ);
    for (int k = 0; k < ns; k++)
      if (merge(st, seen, succ[k], &s) && !queued[succ[k]]) {
        queued[succ[k]] = 1;
        work[nwork++] = succ[k];
      }
  }
  /* facts at each reachable instruction */
  int nextloop = 0;
  for (int pc = 0; pc < n && ok; pc++) {
    if (V->isaux[pc] || !seen[pc])
      continue;
    Instruction i = f->code[pc];
    int op = GET_OP(i);
    if (op == OP_SETLIST) {
      int a = GET_A(i);
      if (!set_has(&st[pc].table, a) || set_has(&st[pc].open, a))
        ok = fail(V, pc, "register %d may not hold the constructor's table", a);
    }
    if (op == OP_FORPREP) {
      while (V->loops[nextloop].prep < pc)  /* loops are numbered in pc order */
        nextloop++;
      ok = ok && check_loop_state(V, pc, &st[pc], nextloop);
    }
    for (int l = V->inner[pc]; l >= 0 && ok; l = V->loops[l].parent)
      ok = check_loop_state(V, pc, &st[pc], l);
    ok = ok && check_exit(V, pc, &st[pc]);
  }
done:
  free(st);
  free(seen);
  free(queued);
  free(work);
  return ok;
}

/* No jump enters a numeric for-loop's body except through its FORPREP, and nothing
 * in the body writes the loop's three counter registers. */
static int check_loop_bodies(Verifier *V) {
  const Proto *f = V->f;
  int n = f->sizecode;
  for (int pc = 0; pc < n; pc++) {
    if (V->isaux[pc])
      continue;
    Instruction i = f->code[pc];
    int succ[2];
    int ns = successors(f, pc, succ);
    for (int k = 0; k < ns; k++) {
      int t = succ[k];
      int lt = V->inner[t];
      if (lt < 0 || is_ancestor(V, lt, V->inner[pc]))
        continue;
      if (GET_OP(i) == OP_FORPREP && t == pc + 1)
        continue;  /* entering its own body */
      return fail(V, pc, "jump into the body of the for-loop at %d", V->loops[lt].prep + 1);
    }
    int lo, hi;
    if (!write_range(i, &lo, &hi))
      continue;
    for (int l = V->inner[pc]; l >= 0; l = V->loops[l].parent) {
      if (V->loops[l].end == pc)
        continue;  /* the FORLOOP updates its own counters */
      int a = V->loops[l].a;
      if (lo <= a + 2 && hi >= a)
        return fail(V, pc, "writes the counters of the for-loop at %d", V->loops[l].prep + 1);
    }
  }
  return 1;
}

/* ---- prototypes ---- */

static int check_header(Verifier *V) {
  const Proto *f = V->f;
  if (f->numparams > f->maxstacksize)
    return fail(V, -1, "%d parameters in a frame of %d", f->numparams, f->maxstacksize);
  if (f->is_vararg > 1)
    return fail(V, -1, "bad vararg flag");
  for (int k = 0; k < f->sizek; k++) {
    int tt = f->k[k].tt;
    if (tt != TAG_NIL && tt != TAG_FALSE && tt != TAG_TRUE && tt != TAG_INT &&
        tt != TAG_FLT && tt != TAG_STR)
      return fail(V, -1, "constant %d has a bad type", k);
  }
  for (int u = 0; u < f->sizeupvalues; u++) {
    const UpvalDesc *d = &f->upvalues[u];
    if (d->instack > 1 || d->kind > 3)
      return fail(V, -1, "bad description of upvalue %d", u);
    if (V->parent == NULL)
      continue;  /* a main function gets fresh upvalues */
    if (d->instack ? d->idx >= V->parent->maxstacksize : d->idx >= V->parent->sizeupvalues)
      return fail(V, -1, "upvalue %d refers outside the enclosing function", u);
  }
  if (f->sizelineinfo != 0 && f->sizelineinfo != f->sizecode)
    return fail(V, -1, "line information does not match the code");
  /* debug.getlocal maps the n-th active local to register n-1: never beyond the frame */
  if (f->sizelocvars > 0) {
    int *delta = calloc((size_t)f->sizecode + 1, sizeof(int));
    if (delta == NULL)
      return fail(V, -1, "out of memory in the verifier");
    int ok = 1;
    for (int l = 0; l < f->sizelocvars && ok; l++) {
      const LocVar *v = &f->locvars[l];
      if (v->startpc < 0 || v->startpc > v->endpc || v->endpc > f->sizecode)
        ok = fail(V, -1, "local variable %d has a bad range", l);
      else if (v->startpc < v->endpc) {
        delta[v->startpc]++;
        delta[v->endpc]--;
      }
    }
    for (int pc = 0, active = 0; pc < f->sizecode && ok; pc++) {
      active += delta[pc];
      if (active > f->maxstacksize)
        ok = fail(V, pc, "more active locals than registers");
    }
    free(delta);
    if (!ok)
      return 0;
  }
  return 1;
}

static int verify_proto(const Proto *f, const Proto *parent, int depth, char *err,
                        size_t errsize) {
  Verifier V;
  memset(&V, 0, sizeof V);
  V.f = f;
  V.parent = parent;
  V.err = err;
  V.errsize = errsize;
  if (depth > MAX_PROTO_NEST)
    return fail(&V, -1, "functions nested too deeply");
  if (!check_header(&V))
    return 0;
  size_t n = (size_t)(f->sizecode > 0 ? f->sizecode : 1);
  V.isaux = calloc(n, 1);
  V.istarget = calloc(n, 1);
  V.inner = malloc(sizeof(int32_t) * n);
  int ok;
  if (V.isaux == NULL || V.istarget == NULL || V.inner == NULL)
    ok = fail(&V, -1, "out of memory in the verifier");
  else
    ok = check_code(&V) && check_loops(&V) && check_loop_bodies(&V) && check_flow(&V);
  free(V.isaux);
  free(V.istarget);
  free(V.inner);
  free(V.loops);
  if (!ok)
    return 0;
  for (int k = 0; k < f->sizep; k++)
    if (!verify_proto(f->p[k], f, depth + 1, err, errsize))
      return 0;
  return 1;
}

const char *cmp_verify(const Proto *p, char *err, size_t errsize) {
  return verify_proto(p, NULL, 0, err, errsize) ? NULL : err;
}
