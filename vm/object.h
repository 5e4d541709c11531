/* Layouts of Cove's heap objects: strings, tables, prototypes, closures, upvalues and
 * full userdata. All live on the Boehm heap (vm/gc.h allocates them). The thread object
 * (lua_State) is in vm/state.h. Modules that own an object type (vm/str.c,
 * vm/table.c, vm/func.c) offer its operations; this header only fixes the layouts that
 * several modules read directly (the interpreter's fast paths, the C API, the JIT). */
#ifndef COVE_OBJECT_H
#define COVE_OBJECT_H

#include "value.h"

/* ---- strings ---- */
/* Strings up to STR_MAXSHORT bytes are interned (see vm/str.c). Every string body is
 * NUL-terminated after `len` bytes so C code can use it directly. The whole object holds
 * no pointers (attach is always NULL), so it is an atomic allocation. */
#define STR_MAXSHORT 40

typedef struct String {
  GC_HEADER;
  uint8_t is_short;   /* interned short string */
  uint8_t has_hash;   /* long strings hash lazily */
  uint8_t extra;      /* reserved words: keyword index + 1 (lexer); STR_BUFFBOX; else 0 */
  uint32_t hash;
  size_t len;
  char data[];        /* len bytes + '\0' */
} String;

/* `extra` of a lauxlib buffer's private block (vm/api.c luai_newbuffbox): freed
 * explicitly when the buffer is done with it, so it must never escape to Lua. */
#define STR_BUFFBOX 0xff

#define getstr(s)  ((s)->data)
#define tsslen(s)  ((s)->len)

/* ---- tables ---- */
typedef struct Node {
  Value val;
  Value key;          /* TAG_NIL for a free node; TAG_DEADKEY for a removed one */
  int32_t next;       /* offset to the next node in the collision chain, 0 = end */
} Node;

typedef struct Table {
  GC_HEADER;
  uint8_t tmcache;     /* bit i set => metamethod i (TM_INDEX..TM_EQ) known absent */
  uint8_t lsizenode;   /* log2 of the number of hash nodes */
  uint8_t weakmode;    /* 0, or bits WEAK_KEYS | WEAK_VALUES once registered as weak */
  uint8_t nodesinline; /* 1: node points just past the header, in the table's own block */
  uint32_t asize;      /* size of the array part: keys 1..asize */
  Value *array;
  Node *node;          /* 1 << lsizenode nodes; shared dummy node when empty */
  Node *lastfree;      /* free-slot search pointer (all free slots are before it) */
  struct Table *metatable;
  uint32_t lenhint;    /* lua5.4's 'alimit': where the last '#t' found a border, <= asize
                        * (vm/table.c); keeps '#' answering as lua5.4 does on tables with holes */
} Table;

#define sizenode(t) (1u << (t)->lsizenode)

/* ---- function prototypes ---- */
typedef struct UpvalDesc {
  String *name;        /* may be NULL when debug info is stripped */
  uint8_t instack;     /* 1: captures a register of the enclosing function; 0: its upvalue */
  uint8_t idx;         /* register or upvalue index in the enclosing function */
  uint8_t kind;        /* VDKREG (0) regular, RDKCONST, RDKTOCLOSE, RDKCTC as in lparser */
} UpvalDesc;

typedef struct LocVar {
  String *name;
  int startpc;         /* first instruction where the variable is active */
  int endpc;           /* first instruction where the variable is dead */
} LocVar;

typedef struct Proto {
  GC_HEADER;
  uint8_t numparams;
  uint8_t is_vararg;
  uint8_t maxstacksize;  /* registers needed by this function */
  int sizeupvalues;
  int sizek;
  int sizecode;
  int sizelineinfo;      /* == sizecode, or 0 when stripped */
  int sizep;
  int sizelocvars;
  int linedefined;
  int lastlinedefined;
  uint32_t *code;
  Value *k;
  struct Proto **p;
  UpvalDesc *upvalues;
  int32_t *lineinfo;     /* absolute source line of each instruction */
  LocVar *locvars;
  String *source;        /* chunk name as given to load ("@file", "=stdin", or the text) */
  void *feedback;        /* per-instruction side array (caches, hot counters); owned by vm */
} Proto;

/* ---- upvalues and closures ---- */
typedef struct UpVal {
  GC_HEADER;
  uint8_t tbc;           /* unused by most; reserved */
  Value *v;              /* points to a stack slot while open, to u.value when closed */
  union {
    struct {             /* open: list of open upvalues of a thread, sorted by level (highest first) */
      struct UpVal *next;
      struct UpVal **previous;
    } open;
    Value value;         /* closed: the value itself */
  } u;
} UpVal;

#define upisopen(up) ((up)->v != &(up)->u.value)

typedef struct CClosure {
  GC_HEADER;
  uint8_t nupvalues;
  lua_CFunction f;
  Value upvalue[];
} CClosure;

typedef struct LClosure {
  GC_HEADER;
  uint8_t nupvalues;
  Proto *p;
  UpVal *upvals[];
} LClosure;

/* ---- full userdata ---- */
typedef struct Udata {
  GC_HEADER;
  unsigned short nuvalue;  /* number of user values */
  size_t len;              /* size of the block */
  struct Table *metatable;
  Value *uv;               /* nuvalue user values (NULL when 0) */
  /* block follows, aligned to 16 bytes */
  _Alignas(16) unsigned char block[];
} Udata;

#define getudatamem(u) ((void *)(u)->block)

#endif
