/* The syntax tree the parser builds and the later passes annotate. Nodes live in a
 * GC-heap arena owned by one compilation (compiler/parse.c), so a syntax error that
 * longjmps out leaks nothing (see Arena for what nodes may point to). The parser already binds every name to its declaration
 * (VarDecl) or marks it global; compiler/resolve.c turns bindings into locals,
 * upvalue indices and compile-time constants, and folds constant expressions. */
#ifndef COVE_AST_H
#define COVE_AST_H

#include "../vm/object.h"

typedef struct Expr Expr;
typedef struct Stat Stat;
typedef struct FuncNode FuncNode;
typedef struct VarDecl VarDecl;

/* Binary operators, in lua5.4's OPR order (arithmetic first, in LUA_OPADD order). */
typedef enum {
  BIN_ADD, BIN_SUB, BIN_MUL, BIN_MOD, BIN_POW, BIN_DIV, BIN_IDIV,
  BIN_BAND, BIN_BOR, BIN_BXOR, BIN_SHL, BIN_SHR,
  BIN_CONCAT,
  BIN_EQ, BIN_LT, BIN_LE, BIN_NE, BIN_GT, BIN_GE,
  BIN_AND, BIN_OR,
  BIN_NONE
} BinOp;

typedef enum { UN_MINUS, UN_BNOT, UN_NOT, UN_LEN, UN_NONE } UnOp;

typedef enum {
  EX_NIL, EX_TRUE, EX_FALSE, EX_INT, EX_FLT, EX_STR,  /* constants (first: see ex_isconst) */
  EX_VARARG,
  EX_FUNC,      /* function constructor */
  EX_TABLE,     /* table constructor */
  EX_BIN,
  EX_UN,
  EX_NAME,      /* variable reference (see NameKind) */
  EX_INDEX,     /* obj[key] / obj.name */
  EX_CALL,      /* fn(args) or obj:method(args) */
  EX_PAREN      /* (e): truncates multiple results to one, not assignable */
} ExprKind;

#define ex_isconst(e) ((e)->kind <= EX_STR)

/* What a name refers to once resolved. */
typedef enum {
  NAME_LOCAL,   /* a register of the current function: decl->reg */
  NAME_UPVAL,   /* upvalue `idx` of the current function */
  NAME_GLOBAL   /* _ENV[name]; the _ENV reference is in env_kind/env_idx/env_decl */
} NameKind;

typedef struct TField {
  Expr *key;            /* NULL for a list item */
  Expr *val;
  struct TField *next;
  int line;
  int endline;          /* line of the value's last token (the store gets it) */
} TField;

struct Expr {
  uint8_t kind;
  uint8_t op;           /* BinOp / UnOp */
  int line;             /* source line the instructions for this node get */
  Expr *next;           /* next in an expression list */
  union {
    lua_Integer ival;
    double nval;
    String *sval;
    struct { Expr *left, *right; } bin;
    struct { Expr *operand; } un;
    struct {
      String *name;
      VarDecl *decl;    /* parser: binding (NULL = global) */
      VarDecl *env;     /* parser: for globals, the _ENV in scope (NULL: main's upvalue) */
      FuncNode *fn;     /* parser: function where the reference occurs */
      uint8_t kind;     /* resolve: NameKind */
      uint8_t env_kind; /* resolve: NAME_LOCAL / NAME_UPVAL for the _ENV of a global */
      int idx;          /* resolve: upvalue index (NAME_UPVAL) */
      int env_idx;      /* resolve: upvalue index of _ENV when env_kind is NAME_UPVAL */
    } name;
    struct { Expr *obj, *key; } index;
    struct {
      Expr *fn;
      String *method;   /* obj:method(...) when not NULL; fn is obj */
      Expr *args;
      int nargs;
      int closeline;    /* line of the token closing the arguments (last one is read there) */
      int mline;        /* line of the method name (SELF) */
    } call;
    struct { FuncNode *f; } func;
    struct { TField *fields; int narray, nhash; } table;
    struct { Expr *inner; } paren;
  } u;
};

/* Local variable attributes (lua5.4's VDKREG / RDKCONST / RDKTOCLOSE / RDKCTC). */
enum { VAR_REG = 0, VAR_CONST, VAR_CLOSE, VAR_CTC };

struct VarDecl {
  String *name;
  FuncNode *fn;         /* declaring function (NULL: the pseudo-declaration of main's _ENV) */
  uint8_t attrib;       /* VAR_* (resolve turns VAR_CONST into VAR_CTC when foldable) */
  uint8_t captured;     /* resolve: referenced from an inner function */
  int reg;              /* codegen: register (not for VAR_CTC) */
  int pidx;             /* codegen: index in Proto.locvars */
  Expr *ctc;            /* VAR_CTC: the constant value (a constant Expr) */
  VarDecl *next;        /* next in a declaration list */
};

typedef struct Block {
  Stat *first;
  int endline;          /* lexer line where the block closed (goto error messages) */
} Block;

typedef enum {
  ST_EXPR, ST_LOCAL, ST_ASSIGN, ST_DO, ST_WHILE, ST_REPEAT, ST_IF, ST_FORNUM, ST_FORIN,
  ST_FUNCTION, ST_LOCALFUNC, ST_RETURN, ST_BREAK, ST_GOTO, ST_LABEL
} StatKind;

typedef struct IfArm {
  Expr *cond;           /* NULL for else */
  Block body;
  int line;
  int thenline;         /* line of 'then': the condition's test gets it */
  struct IfArm *next;
} IfArm;

struct Stat {
  uint8_t kind;
  int line;
  Stat *next;
  union {
    struct { Expr *e; } expr;
    struct { VarDecl *vars; Expr *exprs; int nvars, nexprs; } local;
    struct { Expr *targets; Expr *exprs; int ntargets, nexprs; } assign;
    struct { Block body; } block;
    struct { Expr *cond; Block body; } loop;       /* while / repeat */
    struct { IfArm *arms; } ifs;
    struct { VarDecl *var; Expr *start, *limit, *step; Block body; int doline; } fornum;
    struct { VarDecl *vars; int nvars; Expr *exprs; int nexprs; Block body; int doline; } forin;
    struct { Expr *target; FuncNode *f; } func;    /* function a.b:c() ... end */
    struct { VarDecl *var; FuncNode *f; } localfunc;
    struct { Expr *exprs; int nexprs; } ret;
    struct {
      String *name;
      int errline;      /* lexer line when the label was processed (error messages) */
      uint8_t is_last;  /* last statement of its block (only void statements follow) */
      uint8_t is_loop;  /* resolve: target of a backward goto (gets a LOOP marker) */
    } label;
    struct { String *name; } jump;                 /* goto / break */
  } u;
};

typedef struct UpvalInfo {
  String *name;
  uint8_t instack;      /* captures a local of the enclosing function (decl) */
  uint8_t kind;         /* VAR_* of the captured variable */
  int idx;              /* when !instack: upvalue index in the enclosing function */
  VarDecl *decl;        /* when instack: the captured local */
} UpvalInfo;

struct FuncNode {
  FuncNode *parent;
  VarDecl *params;
  int nparams;
  uint8_t is_vararg;
  uint8_t is_method;    /* has an implicit "self" first parameter */
  uint8_t needclose;    /* resolve: has captured locals or tbc variables */
  int line;             /* linedefined */
  int lastline;         /* lastlinedefined */
  int endline;          /* lexer line after 'end' (goto errors at function close) */
  int retline;          /* line of the last token: the final RETURN's line */
  Block body;
  UpvalInfo *upvals;    /* resolve: upvalue descriptors in creation order */
  int nupvals, upvalsize;
};

/* Allocation arena for one compilation: pointer-free GC chunks (not scanned), kept
 * alive by the scanned `chunks` list. Strings in the tree must be anchored elsewhere
 * (lex_newstring); the tree may point only to other arena memory and to strings. */
typedef struct Arena {
  lua_State *L;
  char *chunk;
  size_t used, size;
  void **chunks;
  int nchunks, chunksize;
} Arena;

void *ast_alloc(Arena *a, size_t size);

#endif
