/* Shared between compiler/codegen.c (walking the tree) and compiler/codegen_emit.c
 * (instruction emission, jump lists, expression descriptors: lua5.4's lcode.c
 * techniques). Not part of any public interface. */
#ifndef COVE_CODEGEN_INTERNAL_H
#define COVE_CODEGEN_INTERNAL_H

#include "codegen.h"
#include "../vm/opcodes.h"

#define NO_JUMP (-1)
#define NO_REG MAXARG_A
#define MAXINDEXRK 255

/* Where an expression's value currently is (lua5.4's expkind). */
typedef enum {
  VVOID,      /* empty expression list */
  VNIL, VTRUE, VFALSE,
  VK,         /* constant: u.info = K index */
  VKFLT, VKINT, VKSTR,  /* literal numbers / string not yet in K */
  VNONRELOC,  /* value in register u.info */
  VLOCAL,     /* local variable: u.var.ridx */
  VUPVAL,     /* upvalue u.info */
  VINDEXED,   /* R[t][R[idx]] */
  VINDEXUP,   /* U[t][K[idx]] */
  VINDEXI,    /* R[t][idx] with idx an integer 0..255 */
  VINDEXSTR,  /* R[t][K[idx]] with K[idx] a short string */
  VJMP,       /* test/compare: u.info = pc of its JMP */
  VRELOC,     /* instruction at u.info whose A can still be chosen */
  VCALL,      /* call instruction at u.info */
  VVARARG     /* vararg instruction at u.info */
} ExpKind;

typedef struct ExpDesc {
  ExpKind k;
  union {
    lua_Integer ival;
    double nval;
    String *strval;
    int info;
    struct { int idx; int t; } ind;
    struct { int ridx; } var;
  } u;
  int t, f;   /* patch lists: exit when true / when false */
} ExpDesc;

typedef struct BlockCnt {
  struct BlockCnt *previous;
  int firstlabel;   /* first label of this block in CG.labels */
  int firstgoto;    /* first pending goto of this block in CG.gotos */
  int nactvar;      /* active locals outside the block */
  uint8_t upval;    /* some variable of the block is captured or to-be-closed */
  uint8_t isloop;
  uint8_t insidetbc;
} BlockCnt;

typedef struct LabelDesc {
  String *name;
  int pc;
  int line;
  int nactvar;
  uint8_t close;    /* goto that leaves the scope of a captured/tbc variable */
  int errline;      /* labels: line for "already defined"/"jumps into" errors */
} LabelDesc;

typedef struct KCache {
  Value key;        /* value; tag TAG_NIL with u.i = 0 marks an empty slot (see kslot) */
  int idx;
  int used;
} KCache;

typedef struct FuncState {
  struct FuncState *prev;
  struct CG *cg;
  FuncNode *node;
  Proto *f;
  BlockCnt *bl;
  int pc;           /* next instruction */
  int lasttarget;   /* pc of the last jump target */
  int codesize;
  uint8_t *isaux;   /* isaux[pc]: the word is an AUX data word */
  int nk, ksize;
  KCache *kcache;   /* open-addressing map value -> K index */
  int kcachesize;
  int np, psize;
  int nlocvars, locvarsize;
  int firstlocal;   /* first active variable in CG.actvar */
  int firstlabel;   /* first label of this function in CG.labels */
  int nactvar;      /* active local variables (compile-time constants included) */
  int freereg;
  uint8_t needclose;
} FuncState;

typedef struct CG {
  LexState *ls;
  lua_State *L;
  FuncState *fs;
  int line;         /* line given to new instructions */
  VarDecl **actvar;
  int nactvar, actsize;
  LabelDesc *labels;
  int nlabels, labelsize;
  LabelDesc *gotos;
  int ngotos, gotosize;
} CG;

/* ---- emission (codegen_emit.c) ---- */
int cg_code(FuncState *fs, Instruction i);
int cg_codeABC(FuncState *fs, int op, int a, int b, int c);
int cg_codeAD(FuncState *fs, int op, int a, int d);
int cg_codeaux(FuncState *fs, uint32_t word);
void cg_fixline(FuncState *fs, int line);
void cg_nil(FuncState *fs, int from, int n);
void cg_int(FuncState *fs, int reg, lua_Integer i);
int cg_jump(FuncState *fs);
void cg_ret(FuncState *fs, int first, int nret);
int cg_getlabel(FuncState *fs);
void cg_patchlist(FuncState *fs, int list, int target);
void cg_patchtohere(FuncState *fs, int list);
void cg_concat(FuncState *fs, int *l1, int l2);
void cg_checkstack(FuncState *fs, int n);
void cg_reserveregs(FuncState *fs, int n);
int cg_nvarstack(FuncState *fs);
int cg_reglevel(FuncState *fs, int nvar);
int cg_stringK(FuncState *fs, String *s);
void cg_setreturns(FuncState *fs, ExpDesc *e, int nresults);
#define cg_setmultret(fs, e) cg_setreturns(fs, e, LUA_MULTRET)
void cg_setoneret(FuncState *fs, ExpDesc *e);
void cg_dischargevars(FuncState *fs, ExpDesc *e);
int cg_exp2anyreg(FuncState *fs, ExpDesc *e);
void cg_exp2anyregup(FuncState *fs, ExpDesc *e);
void cg_exp2nextreg(FuncState *fs, ExpDesc *e);
void cg_exp2val(FuncState *fs, ExpDesc *e);
void cg_storevar(FuncState *fs, ExpDesc *var, ExpDesc *ex);
void cg_self(FuncState *fs, ExpDesc *e, ExpDesc *key);
void cg_indexed(FuncState *fs, ExpDesc *t, ExpDesc *k);
void cg_goiftrue(FuncState *fs, ExpDesc *e);
void cg_goiffalse(FuncState *fs, ExpDesc *e);
void cg_prefix(FuncState *fs, UnOp op, ExpDesc *e, int line);
void cg_infix(FuncState *fs, BinOp op, ExpDesc *v);
void cg_posfix(FuncState *fs, BinOp op, ExpDesc *e1, ExpDesc *e2, int line);
void cg_settablesize(FuncState *fs, int pc, int ra, int asize, int hsize);
void cg_setlist(FuncState *fs, int base, int nelems, int tostore);
void cg_finish(FuncState *fs);
NORETURN void cg_error(FuncState *fs, const char *msg);

#define hasjumps(e) ((e)->t != (e)->f)
#define hasmultret(k) ((k) == VCALL || (k) == VVARARG)
#define getinstr(fs, e) ((fs)->f->code[(e)->u.info])

#endif
