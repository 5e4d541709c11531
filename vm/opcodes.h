/* Cove's instruction set: 32-bit words with byte-aligned fields, register based.
 * The compiler (compiler/codegen.c) emits these, the interpreter (vm/interp.c) runs them,
 * the verifier checks them. spec/bytecode.md is the reference for every opcode; the
 * one-line comments here are the contract in short.
 *
 * Formats (low byte first):
 *   iABC:  op:8 A:8 B:8 C:8
 *   iAD:   op:8 A:8 D:16          (D unsigned; sD = D - 0x7FFF signed)
 *   iJ:    op:8 sJ:24             (sJ = J - 0x7FFFFF signed jump offset)
 *   AUX:   a whole 32-bit data word following some instructions; never dispatched.
 *
 * R[x] is register x of the frame, K[x] constant x, U[x] upvalue x, sB/sC an 8-bit
 * operand read as signed (value - 127). Jumps are relative to the instruction after the
 * jump: pc += offset. "skip" means pc += 1 (step over the following JMP word). */
#ifndef COVE_OPCODES_H
#define COVE_OPCODES_H

#include <stdint.h>

typedef uint32_t Instruction;

#define OP_LIST(X) \
  /* loads and moves */ \
  X(MOVE)       /* A B     R[A] := R[B] */ \
  X(LOADI)      /* A sD    R[A] := sD (integer) */ \
  X(LOADF)      /* A sD    R[A] := (float)sD */ \
  X(LOADK)      /* A D     R[A] := K[D] */ \
  X(LOADKX)     /* A  AUX  R[A] := K[AUX] */ \
  X(LOADFALSE)  /* A       R[A] := false */ \
  X(LFALSESKIP) /* A       R[A] := false; pc++ */ \
  X(LOADTRUE)   /* A       R[A] := true */ \
  X(LOADNIL)    /* A B     R[A], ..., R[A+B] := nil */ \
  X(GETUPVAL)   /* A B     R[A] := U[B] */ \
  X(SETUPVAL)   /* A B     U[B] := R[A] */ \
  /* tables */ \
  X(GETTABUP)   /* A B C   R[A] := U[B][K[C]]  (K[C] a short string) */ \
  X(GETTABLE)   /* A B C   R[A] := R[B][R[C]] */ \
  X(GETI)       /* A B C   R[A] := R[B][C]     (C an integer 0..255) */ \
  X(GETFIELD)   /* A B C   R[A] := R[B][K[C]]  (K[C] a short string) */ \
  X(SETTABUP)   /* A B C   U[A][K[B]] := R[C]  (K[B] a short string) */ \
  X(SETTABLE)   /* A B C   R[A][R[B]] := R[C] */ \
  X(SETI)       /* A B C   R[A][B] := R[C]     (B an integer 0..255) */ \
  X(SETFIELD)   /* A B C   R[A][K[B]] := R[C]  (K[B] a short string) */ \
  X(NEWTABLE)   /* A B C AUX  R[A] := {}; B = hash size hint (0, or log2(size)+1), AUX = array size */ \
  X(SELF)       /* A B C   R[A+1] := R[B]; R[A] := R[B][K[C]]  (K[C] a string) */ \
  /* arithmetic: register op immediate / constant / register. Metamethods are handled \
   * by the same instruction's slow path, with the operands in source order. */ \
  X(ADDI)       /* A B sC  R[A] := R[B] + sC */ \
  X(ADDK)       /* A B C   R[A] := R[B] + K[C]  (K[C] a number) */ \
  X(SUBK)       /* A B C   R[A] := R[B] - K[C] */ \
  X(MULK)       /* A B C   R[A] := R[B] * K[C] */ \
  X(MODK)       /* A B C   R[A] := R[B] % K[C] */ \
  X(POWK)       /* A B C   R[A] := R[B] ^ K[C] */ \
  X(DIVK)       /* A B C   R[A] := R[B] / K[C] */ \
  X(IDIVK)      /* A B C   R[A] := R[B] // K[C] */ \
  X(BANDK)      /* A B C   R[A] := R[B] & K[C]  (K[C] an integer) */ \
  X(BORK)       /* A B C   R[A] := R[B] | K[C] */ \
  X(BXORK)      /* A B C   R[A] := R[B] ~ K[C] */ \
  X(ADD)        /* A B C   R[A] := R[B] + R[C] */ \
  X(SUB)        /* A B C   R[A] := R[B] - R[C] */ \
  X(MUL)        /* A B C   R[A] := R[B] * R[C] */ \
  X(MOD)        /* A B C   R[A] := R[B] % R[C] */ \
  X(POW)        /* A B C   R[A] := R[B] ^ R[C] */ \
  X(DIV)        /* A B C   R[A] := R[B] / R[C] */ \
  X(IDIV)       /* A B C   R[A] := R[B] // R[C] */ \
  X(BAND)       /* A B C   R[A] := R[B] & R[C] */ \
  X(BOR)        /* A B C   R[A] := R[B] | R[C] */ \
  X(BXOR)       /* A B C   R[A] := R[B] ~ R[C] */ \
  X(SHL)        /* A B C   R[A] := R[B] << R[C] */ \
  X(SHR)        /* A B C   R[A] := R[B] >> R[C] */ \
  X(UNM)        /* A B     R[A] := -R[B] */ \
  X(BNOT)       /* A B     R[A] := ~R[B] */ \
  X(NOT)        /* A B     R[A] := not R[B] */ \
  X(LEN)        /* A B     R[A] := #R[B] */ \
  X(CONCAT)     /* A B     R[A] := R[A] .. ... .. R[A+B-1]  (B >= 2) */ \
  /* scope */ \
  X(CLOSE)      /* A       close upvalues and to-be-closed variables >= R[A] */ \
  X(TBC)        /* A       mark R[A] as to-be-closed (checks it has __close or is false/nil) */ \
  /* control. Every compare and test is followed by a JMP word; the pair is one dispatch: \
   * if the condition holds the JMP is taken, otherwise it is skipped. k is bit 0 of C. */ \
  X(JMP)        /* sJ      pc += sJ */ \
  X(EQ)         /* A B C   if ((R[A] == R[B]) ~= k) then skip else jump */ \
  X(LT)         /* A B C   if ((R[A] <  R[B]) ~= k) then skip else jump */ \
  X(LE)         /* A B C   if ((R[A] <= R[B]) ~= k) then skip else jump */ \
  X(EQK)        /* A B C   if ((R[A] == K[B]) ~= k) then skip else jump */ \
  X(EQI)        /* A sB C  if ((R[A] == sB) ~= k) then skip else jump; C bit 1: sB was a float literal */ \
  X(LTI)        /* A sB C  if ((R[A] <  sB) ~= k) ... */ \
  X(LEI)        /* A sB C  if ((R[A] <= sB) ~= k) ... */ \
  X(GTI)        /* A sB C  if ((R[A] >  sB) ~= k) ... */ \
  X(GEI)        /* A sB C  if ((R[A] >= sB) ~= k) ... */ \
  X(TEST)       /* A C     if (not R[A] == k) then skip else jump */ \
  X(TESTSET)    /* A B C   if (not R[B] == k) then skip else { R[A] := R[B]; jump } */ \
  /* calls */ \
  X(CALL)       /* A B C   R[A], ..., R[A+C-2] := R[A](R[A+1], ..., R[A+B-1]); B=0: args up to top; C=0: keep all results, set top */ \
  X(TAILCALL)   /* A B C   return R[A](R[A+1], ..., R[A+B-1]); C bit 0: must close upvalues first */ \
  X(RETURN)     /* A B C   return R[A], ..., R[A+B-2]; B=0: up to top; C bit 0: close upvalues/tbc first */ \
  X(RETURN0)    /* A       return (no values, nothing to close) */ \
  X(RETURN1)    /* A       return R[A] (nothing to close) */ \
  /* loops. FORLOOP/TFORLOOP/LOOP are the back-edge homes for fuel and hot counting. */ \
  X(FORPREP)    /* A D     prepare numeric loop on R[A] (init), R[A+1] (limit), R[A+2] (step); \
                           if it runs zero times pc += D + 1; control variable is R[A+3] */ \
  X(FORLOOP)    /* A D     update counters; if loop continues { R[A+3] := next value; pc -= D } */ \
  X(TFORPREP)   /* A D     mark R[A+3] to-be-closed; pc += D (jumps to the TFORCALL) */ \
  X(TFORCALL)   /* A C     R[A+4], ..., R[A+3+C] := R[A](R[A+1], R[A+2]) */ \
  X(TFORLOOP)   /* A D     if R[A+4] ~= nil then { R[A+2] := R[A+4]; pc -= D } */ \
  X(LOOP)       /* A D     loop head marker of while/repeat/backward-goto loops; D = body length (fuel cost) */ \
  X(SETLIST)    /* A B AUX R[A][AUX+i] := R[A+i], 1 <= i <= B; B=0: up to top */ \
  X(CLOSURE)    /* A D     R[A] := closure(P[D]) */ \
  X(VARARG)     /* A C     R[A], ..., R[A+C-2] := vararg; C=0: all, set top */ \
  X(VARARGPREP) /* A       (first instruction of a vararg function) adjust varargs, A = numparams */ \
  X(ENTER)      /* A D     function header (first instruction, or second after VARARGPREP): charges D fuel */ \
  X(EXTRAARG)   /* AUX data word placeholder: never executed */

enum OpCode {
#define OP_ENUM(name) OP_##name,
  OP_LIST(OP_ENUM)
#undef OP_ENUM
  NUM_OPCODES
};

extern const char *const op_names[NUM_OPCODES];  /* "MOVE", ... (vm/opcodes.c) */

/* ---- decoding ---- */
#define GET_OP(i)  ((int)((i) & 0xFF))
#define GET_A(i)   ((int)(((i) >> 8) & 0xFF))
#define GET_B(i)   ((int)(((i) >> 16) & 0xFF))
#define GET_C(i)   ((int)(((i) >> 24) & 0xFF))
#define GET_D(i)   ((int)(((i) >> 16) & 0xFFFF))
#define GET_sB(i)  (GET_B(i) - OFFSET_s8)
#define GET_sC(i)  (GET_C(i) - OFFSET_s8)
#define GET_sD(i)  (GET_D(i) - OFFSET_sD)
#define GET_sJ(i)  ((int)(((i) >> 8) & 0xFFFFFF) - OFFSET_sJ)
#define GET_k(i)   (GET_C(i) & 1)

#define OFFSET_s8  127
#define OFFSET_sD  0x7FFF
#define OFFSET_sJ  0x7FFFFF
#define MAXARG_A   0xFF
#define MAXARG_B   0xFF
#define MAXARG_C   0xFF
#define MAXARG_D   0xFFFF
#define MAXARG_sD  (MAXARG_D - OFFSET_sD)
#define MAXARG_sJ  (0xFFFFFF - OFFSET_sJ)

/* ---- encoding ---- */
#define CREATE_ABC(o, a, b, c) \
  ((Instruction)(o) | ((Instruction)(a) << 8) | ((Instruction)(b) << 16) | ((Instruction)(c) << 24))
#define CREATE_AD(o, a, d) ((Instruction)(o) | ((Instruction)(a) << 8) | ((Instruction)(d) << 16))
#define CREATE_J(o, sj) ((Instruction)(o) | ((Instruction)((sj) + OFFSET_sJ) << 8))

/* Registers available to a function (lua5.4's limit: "function or expression needs too many registers"). */
#define MAXREGS 255
/* Number of list items accumulated before a SETLIST flush. */
#define LFIELDS_PER_FLUSH 50

#endif
