/* Shared between the ffi module's files: the C types the ffi understands, the parsed form
 * of a declaration ("int snprintf(char*, size_t, const char*, ...)"), and the conversions
 * between Lua values and C values. ffi_decl.c parses, ffi_conv.c converts, ffilib.c holds
 * the Lua-facing module (libraries, calls, buffers, callbacks). See spec/ffi.md. */
#ifndef ffi_internal_h
#define ffi_internal_h

#include <stddef.h>
#include <stdint.h>

#include <ffi.h>

#include "lua.h"

/* The kinds of C values: every scalar type of a declaration maps to one of these. */
typedef enum FfiKind {
  FK_VOID, FK_BOOL,
  FK_I8, FK_U8, FK_I16, FK_U16, FK_I32, FK_U32, FK_I64, FK_U64,
  FK_FLOAT, FK_DOUBLE,
  FK_PTR,  /* any pointer other than char*: light userdata in and out */
  FK_STR   /* char* / const char*: Lua strings in (const only) and out */
} FfiKind;

/* One C type as written in a declaration. */
typedef struct FfiType {
  unsigned char kind;       /* FfiKind */
  unsigned char is_const;   /* pointers: the pointee is const (strings may be passed) */
  char name[32];            /* canonical spelling for messages: "int32_t", "const char*" */
} FfiType;

#define FFI_MAXARGS 32
#define FFI_MAXNAME 64

/* A parsed function declaration plus its prepared libffi call interface. */
typedef struct FfiSig {
  char name[FFI_MAXNAME];   /* the C name ("callback" when the declaration has none) */
  FfiType ret;
  int nfixed;               /* parameters before "..." (all of them when not variadic) */
  int nargs;                /* nfixed + extra variadic types fixed at declaration time */
  int is_variadic;          /* declaration ends in "..." */
  int has_var_types;        /* variadic with its extra argument types given: arity fixed */
  FfiType args[FFI_MAXARGS];
  ffi_type *ffi_args[FFI_MAXARGS];
  ffi_cif cif;              /* prepared unless variadic without fixed extra types */
  void *fn;                 /* the C function (NULL for callback signatures) */
} FfiSig;

/* Storage for one C value of any kind (libffi reads and writes through pointers to it). */
typedef union FfiValue {
  int8_t i8; uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32;
  int64_t i64; uint64_t u64; float f; double d; void *p; unsigned char b;
  ffi_arg ret_int;          /* libffi widens small integer results to ffi_arg */
  ffi_sarg ret_sint;
} FfiValue;

/* Where a conversion happens, so its error says "bad argument #2 to 'strlen' (...)". */
typedef struct FfiWhere {
  const char *fname;        /* the function named in the message */
  int argn;                 /* > 0: argument number; 0: a callback's return value */
} FfiWhere;

/* --- ffi_decl.c --- */

/* Parses a whole declaration "RET NAME(PARAMS)" into sig (name optional when allow_anon).
 * Returns NULL on success, else a static/out message describing the problem. */
const char *ffidecl_parse(const char *src, int allow_anon, FfiSig *sig, char *errbuf,
                          size_t errlen);
/* Parses one type name ("uint16_t", "const char *", "void*"); void is rejected unless
 * allow_void. Returns NULL on success, else an error message in errbuf. */
const char *ffidecl_parse_type(const char *src, int allow_void, FfiType *t, char *errbuf,
                               size_t errlen);
/* The libffi type of a kind, and the size in bytes of a C value of that kind. */
ffi_type *ffidecl_ffitype(int kind);
size_t ffidecl_size(int kind);
/* The type a variadic argument of type t is promoted to (float -> double, short -> int). */
FfiType ffidecl_promote(const FfiType *t);

/* --- ffi_conv.c --- */

/* Converts the Lua value at idx to a C value of type t, raising a Lua error (worded with
 * where) when the value has the wrong type or does not fit. */
void fficonv_check(lua_State *L, int idx, const FfiType *t, FfiValue *out,
                   const FfiWhere *where);
/* Pushes the C value v of type t (a result or a callback argument) onto the stack;
 * is_result says v is a libffi return slot (small integers widened to ffi_arg).
 * Pushes nothing for void and returns the number of values pushed. */
int fficonv_push(lua_State *L, const FfiType *t, const FfiValue *v, int is_result);
/* Reads/writes one element of kind t at address p (buffers, ffi.read, ffi.write). */
void fficonv_load(const FfiType *t, const void *p, FfiValue *v);
void fficonv_store(const FfiType *t, void *p, const FfiValue *v);
/* The address a pointer-like Lua value stands for: light userdata, buffer, callback,
 * nil / ffi.null (NULL). Returns 0 when the value is none of these. */
int fficonv_topointer(lua_State *L, int idx, void **p);

/* --- ffilib.c --- */

#define FFI_BUFFER_MT "cove.ffi.buffer"
#define FFI_CALLBACK_MT "cove.ffi.callback"
#define FFI_LIBRARY_MT "cove.ffi.library"

/* The data pointer of the buffer / the code pointer of the callback at idx, or NULL. */
void *ffilib_buffer_data(lua_State *L, int idx, size_t *size);
void *ffilib_callback_code(lua_State *L, int idx);

/* Whether this state may use the ffi (the `ffi` capability); always 1 until the sandbox
 * exists, which will decide it per state. */
int cap_ffi_allowed(lua_State *L);

#endif
