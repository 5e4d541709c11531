/* The `ffi` module: call C functions of shared libraries from Lua through libffi. It opens
 * libraries (dlopen), binds functions from C declarations (parsed by ffi_decl.c, values
 * converted by ffi_conv.c), allocates typed buffers, and turns Lua functions into C function
 * pointers with libffi closures. Written on the public API only (lua.h, lauxlib.h). The
 * module exists only when cap_ffi_allowed() says so. Reference: spec/ffi.md. */
#include <dlfcn.h>
#include <errno.h>
#include <string.h>

#include "lauxlib.h"
#include "lua.h"
#include "lualib.h"

#include "ffi_internal.h"

/* Registry key of the weak-valued table mapping a callback's C struct (light userdata)
 * back to its userdata, so a running closure finds its Lua function without the
 * registry keeping the callback alive. */
#define FFI_CALLBACKS_KEY "cove.ffi.callbacks"

/* One ffi call in progress on this thread. Callbacks run on its Lua state, and a callback
 * that fails leaves its error here (a registry reference) instead of unwinding through
 * libffi's and the C library's frames; the call raises it once the C function returns. */
typedef struct FfiCallCtx {
  lua_State *L;
  int error_ref;                 /* LUA_NOREF while no callback has failed */
  int anchor_ref;                /* table of strings callbacks returned, or LUA_NOREF */
  const char *fail_msg;          /* a failure that could not even push a message */
  struct FfiCallCtx *prev;       /* the call this one is nested in (a callback's call) */
} FfiCallCtx;

static _Thread_local FfiCallCtx *active_call;
static _Thread_local int last_errno;

int cap_ffi_allowed(lua_State *L) {
  return 1;  /* every state may use the ffi until the sandbox decides per state */
}

/* ------------------------------------------------------------------------------------ */
/* Libraries                                                                            */

typedef struct FfiLib {
  void *handle;                  /* NULL once collected */
  int is_process;                /* ffi.open() without a path: never dlclose'd */
} FfiLib;

static FfiLib *check_lib(lua_State *L) {
  return (FfiLib *)luaL_checkudata(L, 1, FFI_LIBRARY_MT);
}

/* ffi.open([path]): dlopen's the library (the whole process when path is nil). */
static int ffi_open(lua_State *L) {
  const char *path = luaL_optstring(L, 1, NULL);
  FfiLib *lib = (FfiLib *)lua_newuserdatauv(L, sizeof(FfiLib), 1);
  lib->handle = NULL;
  lib->is_process = (path == NULL);
  luaL_setmetatable(L, FFI_LIBRARY_MT);
  lib->handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (lib->handle == NULL) {
    const char *why = dlerror();
    return luaL_error(L, "ffi.open: cannot open '%s': %s", path ? path : "(process)",
                      why ? why : "unknown error");
  }
  if (path != NULL) lua_pushstring(L, path);
  else lua_pushliteral(L, "(process)");
  lua_setiuservalue(L, -2, 1);
  return 1;
}

static int lib_gc(lua_State *L) {
  FfiLib *lib = check_lib(L);
  if (lib->handle != NULL && !lib->is_process) dlclose(lib->handle);
  lib->handle = NULL;
  return 0;
}

static int lib_tostring(lua_State *L) {
  check_lib(L);
  lua_getiuservalue(L, 1, 1);
  lua_pushfstring(L, "ffi.library: %s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "?");
  return 1;
}

/* The address of symbol name in lib, or a Lua error carrying dlerror's "undefined symbol". */
static void *lookup_symbol(lua_State *L, FfiLib *lib, const char *name) {
  void *sym;
  const char *why;
  if (lib->handle == NULL) luaL_error(L, "ffi: library is closed");
  dlerror();  /* clear any stale message */
  sym = dlsym(lib->handle, name);
  why = dlerror();
  if (why != NULL) luaL_error(L, "ffi: cannot find '%s': %s", name, why);
  if (sym == NULL) luaL_error(L, "ffi: symbol '%s' has a NULL address", name);
  return sym;
}

/* lib:sym(name) -> the symbol's address as a light userdata. */
static int lib_sym(lua_State *L) {
  FfiLib *lib = check_lib(L);
  lua_pushlightuserdata(L, lookup_symbol(L, lib, luaL_checkstring(L, 2)));
  return 1;
}

/* ------------------------------------------------------------------------------------ */
/* Signatures and calls                                                                 */

/* Fills sig's libffi types and prepares its call interface (nargs fixed). */
static void prepare_cif(lua_State *L, FfiSig *sig) {
  ffi_status status;
  for (int i = 0; i < sig->nargs; i++) sig->ffi_args[i] = ffidecl_ffitype(sig->args[i].kind);
  if (sig->is_variadic)
    status = ffi_prep_cif_var(&sig->cif, FFI_DEFAULT_ABI, (unsigned)sig->nfixed,
                              (unsigned)sig->nargs, ffidecl_ffitype(sig->ret.kind),
                              sig->ffi_args);
  else
    status = ffi_prep_cif(&sig->cif, FFI_DEFAULT_ABI, (unsigned)sig->nargs,
                          ffidecl_ffitype(sig->ret.kind), sig->ffi_args);
  if (status != FFI_OK)
    luaL_error(L, "ffi: libffi cannot prepare a call to '%s' (status %d)", sig->name,
               (int)status);
}

/* Parses the declaration at index idx into a new userdata (left on the stack). */
static FfiSig *new_sig(lua_State *L, int idx, int allow_anon) {
  char err[160];
  const char *decl = luaL_checkstring(L, idx);
  FfiSig *sig = (FfiSig *)lua_newuserdatauv(L, sizeof(FfiSig), 0);
  if (ffidecl_parse(decl, allow_anon, sig, err, sizeof err) != NULL)
    luaL_error(L, "ffi: bad declaration '%s': %s", decl, err);
  return sig;
}

/* The type a variadic argument without a declared type is passed as, from its Lua type. */
static int infer_vararg(lua_State *L, int idx, FfiType *t, const char *fname) {
  memset(t, 0, sizeof *t);
  switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx)) { t->kind = FK_I64; strcpy(t->name, "int64_t"); }
      else { t->kind = FK_DOUBLE; strcpy(t->name, "double"); }
      return 1;
    case LUA_TBOOLEAN:
      t->kind = FK_BOOL;  /* passed as the int it promotes to: see call_function */
      strcpy(t->name, "int");
      return 1;
    case LUA_TSTRING:
      t->kind = FK_STR;
      t->is_const = 1;
      strcpy(t->name, "const char*");
      return 1;
    default: {
      void *p;
      if (fficonv_topointer(L, idx, &p)) {
        t->kind = FK_PTR;
        strcpy(t->name, "void*");
        return 1;
      }
      return luaL_error(L, "bad argument #%d to '%s' (cannot pass %s as a variadic argument)",
                        idx, fname, luaL_typename(L, idx));
    }
  }
}

/* Runs the C function behind sig with the prepared cif, inside an FfiCallCtx so callbacks
 * know their state; raises a callback's deferred error afterwards. */
static void do_call(lua_State *L, FfiSig *sig, ffi_cif *cif, FfiValue *result, void **argv) {
  FfiCallCtx ctx;
  ctx.L = L;
  ctx.error_ref = LUA_NOREF;
  ctx.anchor_ref = LUA_NOREF;
  ctx.fail_msg = NULL;
  ctx.prev = active_call;
  active_call = &ctx;
  ffi_call(cif, FFI_FN(sig->fn), result, argv);
  last_errno = errno;
  active_call = ctx.prev;
  luaL_unref(L, LUA_REGISTRYINDEX, ctx.anchor_ref);  /* no-op for LUA_NOREF */
  if (ctx.error_ref != LUA_NOREF) {
    lua_rawgeti(L, LUA_REGISTRYINDEX, ctx.error_ref);
    luaL_unref(L, LUA_REGISTRYINDEX, ctx.error_ref);
    lua_error(L);
  }
  if (ctx.fail_msg != NULL) luaL_error(L, "%s", ctx.fail_msg);
}

/* The Lua function bound to a C function: upvalue 1 is its FfiSig, 2 its library (kept
 * alive as long as the function is). */
static int call_function(lua_State *L) {
  FfiSig *sig = (FfiSig *)lua_touserdata(L, lua_upvalueindex(1));
  int n = lua_gettop(L);
  int expected = sig->nargs;
  FfiValue values[FFI_MAXARGS];
  void *argv[FFI_MAXARGS];
  FfiValue result;
  FfiType vartypes[FFI_MAXARGS];
  const FfiType *types = sig->args;
  ffi_cif var_cif, *cif = &sig->cif;
  ffi_type *var_ffi[FFI_MAXARGS];
  FfiWhere where;
  where.fname = sig->name;
  if (sig->is_variadic && !sig->has_var_types) {
    /* extra arguments typed from their Lua values; the interface is prepared per call */
    if (n > FFI_MAXARGS)
      return luaL_error(L, "too many arguments to '%s' (at most %d)", sig->name, FFI_MAXARGS);
    expected = n > sig->nfixed ? n : sig->nfixed;
    memcpy(vartypes, sig->args, sizeof(FfiType) * (size_t)sig->nfixed);
    for (int i = sig->nfixed; i < n; i++) infer_vararg(L, i + 1, &vartypes[i], sig->name);
    types = vartypes;
  }
  if (n > expected)
    return luaL_error(L, "wrong number of arguments to '%s' (expected %d, got %d)", sig->name,
                      expected, n);
  for (int i = 0; i < expected; i++) {
    where.argn = i + 1;  /* a missing argument reads as "got no value" */
    fficonv_check(L, i + 1, &types[i], &values[i], &where);
    argv[i] = &values[i];
  }
  if (types == vartypes) {
    ffi_status status;
    for (int i = sig->nfixed; i < expected; i++) {
      if (vartypes[i].kind == FK_BOOL) {  /* a variadic bool travels as an int */
        vartypes[i].kind = FK_I32;
        values[i].i32 = values[i].b;
      }
    }
    for (int i = 0; i < expected; i++) var_ffi[i] = ffidecl_ffitype(types[i].kind);
    status = ffi_prep_cif_var(&var_cif, FFI_DEFAULT_ABI, (unsigned)sig->nfixed,
                              (unsigned)expected, ffidecl_ffitype(sig->ret.kind), var_ffi);
    if (status != FFI_OK)
      return luaL_error(L, "ffi: libffi cannot prepare a call to '%s' (status %d)", sig->name,
                        (int)status);
    cif = &var_cif;
  }
  memset(&result, 0, sizeof result);
  do_call(L, sig, cif, &result, argv);
  return fficonv_push(L, &sig->ret, &result, 1);
}

/* lib:func(decl [, vartype...]) -> a Lua function calling the declared C function. For a
 * variadic declaration, the extra types fix the arity and the types of the "..." part. */
static int lib_func(lua_State *L) {
  FfiLib *lib = check_lib(L);
  int nvar = lua_gettop(L) - 2;
  FfiSig *sig = new_sig(L, 2, 0);
  if (nvar > 0) {
    if (!sig->is_variadic)
      return luaL_error(L, "ffi: '%s' is not variadic, but variadic types were given",
                        sig->name);
    if (sig->nfixed + nvar > FFI_MAXARGS)
      return luaL_error(L, "ffi: too many parameters for '%s' (at most %d)", sig->name,
                        FFI_MAXARGS);
    for (int i = 0; i < nvar; i++) {
      char err[160];
      FfiType t;
      const char *tname = luaL_checkstring(L, 3 + i);
      if (ffidecl_parse_type(tname, 0, &t, err, sizeof err) != NULL)
        return luaL_error(L, "ffi: bad type '%s': %s", tname, err);
      sig->args[sig->nargs++] = ffidecl_promote(&t);
    }
    sig->has_var_types = 1;
  }
  sig->fn = lookup_symbol(L, lib, sig->name);
  if (!sig->is_variadic || sig->has_var_types) prepare_cif(L, sig);
  lua_pushvalue(L, 1);
  lua_pushcclosure(L, call_function, 2);
  return 1;
}

/* ------------------------------------------------------------------------------------ */
/* Callbacks                                                                            */

typedef struct FfiCallback {
  ffi_closure *closure;          /* NULL once freed */
  void *code;                    /* the C function pointer handed to C */
  lua_State *owner;              /* main thread of the state that made it */
  FfiSig sig;
} FfiCallback;

void *ffilib_callback_code(lua_State *L, int idx) {
  FfiCallback *cb = (FfiCallback *)luaL_testudata(L, idx, FFI_CALLBACK_MT);
  return cb != NULL ? cb->code : NULL;
}

/* What a running closure hands to its protected body. */
typedef struct CallbackFrame {
  FfiCallback *cb;
  FfiCallCtx *ctx;
  void *ret;
  void **args;
} CallbackFrame;

/* Writes a callback's result where libffi expects it: integers narrower than a register
 * are returned widened to a whole ffi_arg, sign- or zero-extended as C would. */
static void store_result(const FfiType *t, void *ret, const FfiValue *v) {
  switch (t->kind) {
    case FK_BOOL: *(ffi_arg *)ret = v->b; break;
    case FK_I8: *(ffi_sarg *)ret = v->i8; break;
    case FK_U8: *(ffi_arg *)ret = v->u8; break;
    case FK_I16: *(ffi_sarg *)ret = v->i16; break;
    case FK_U16: *(ffi_arg *)ret = v->u16; break;
    case FK_I32: *(ffi_sarg *)ret = v->i32; break;
    case FK_U32: *(ffi_arg *)ret = v->u32; break;
    case FK_VOID: break;
    default: fficonv_store(t, ret, v); break;
  }
}

/* The protected part of a callback: finds the Lua function, converts the C arguments,
 * calls it, converts its result. Any error here is caught by callback_entry's lua_pcall. */
static int callback_body(lua_State *L) {
  CallbackFrame *frame = (CallbackFrame *)lua_touserdata(L, 1);
  FfiSig *sig = &frame->cb->sig;
  FfiWhere where;
  FfiValue v;
  luaL_checkstack(L, sig->nargs + 4, "too many callback arguments");
  lua_getfield(L, LUA_REGISTRYINDEX, FFI_CALLBACKS_KEY);
  lua_rawgetp(L, -1, frame->cb);
  if (lua_type(L, -1) != LUA_TUSERDATA) return luaL_error(L, "ffi: callback was collected");
  lua_getiuservalue(L, -1, 1);
  for (int i = 0; i < sig->nargs; i++) {
    fficonv_load(&sig->args[i], frame->args[i], &v);
    fficonv_push(L, &sig->args[i], &v, 0);
  }
  lua_call(L, sig->nargs, 1);
  if (sig->ret.kind != FK_VOID) {
    where.fname = sig->name;
    where.argn = 0;
    fficonv_check(L, -1, &sig->ret, &v, &where);
    if (lua_type(L, -1) == LUA_TSTRING) {
      /* a string returned as const char* must outlive this callback: it is anchored
       * until the ffi call that (indirectly) invoked the callback returns */
      FfiCallCtx *ctx = frame->ctx;
      if (ctx->anchor_ref == LUA_NOREF) {
        lua_newtable(L);
        ctx->anchor_ref = luaL_ref(L, LUA_REGISTRYINDEX);
      }
      lua_rawgeti(L, LUA_REGISTRYINDEX, ctx->anchor_ref);
      lua_pushvalue(L, -2);
      lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
      lua_pop(L, 1);
    }
    store_result(&sig->ret, frame->ret, &v);
  }
  return 0;
}

/* libffi's entry for every callback. It must return normally (a longjmp through libffi and
 * the C caller's frames would skip their cleanup), so Lua runs under lua_pcall and a failure
 * becomes a zero result plus an error the enclosing ffi call raises when C returns. Once a
 * callback failed, later invocations in the same call return zero without running Lua. */
static void callback_entry(ffi_cif *cif, void *ret, void **args, void *user_data) {
  FfiCallback *cb = (FfiCallback *)user_data;
  FfiCallCtx *ctx = active_call;
  CallbackFrame frame;
  lua_State *L, *main;
  size_t size = ffidecl_size(cb->sig.ret.kind);
  if (size < sizeof(ffi_arg) && size > 0) size = sizeof(ffi_arg);  /* libffi's result slot */
  memset(ret, 0, size);  /* the zero result of a callback that cannot run or fails */
  if (ctx == NULL) return;  /* called outside any ffi call on this thread: no safe state */
  if (ctx->error_ref != LUA_NOREF || ctx->fail_msg != NULL) return;
  L = ctx->L;
  if (!lua_checkstack(L, 8)) {
    ctx->fail_msg = "ffi: stack overflow in callback";
    return;
  }
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  main = lua_tothread(L, -1);
  lua_pop(L, 1);
  if (main != cb->owner) {
    ctx->fail_msg = "ffi: callback called from a different Lua state than its own";
    return;
  }
  frame.cb = cb;
  frame.ctx = ctx;
  frame.ret = ret;
  frame.args = args;
  lua_pushcfunction(L, callback_body);
  lua_pushlightuserdata(L, &frame);
  if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
    ctx->error_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    memset(ret, 0, size);  /* a half-stored result must not leak out */
  }
}

/* ffi.callback(decl, f) -> a callback object; passing it where a pointer is expected passes
 * the C function pointer. It stays valid while the object is alive (and until :free()). */
static int ffi_callback(lua_State *L) {
  FfiSig *sig;
  FfiCallback *cb;
  luaL_checktype(L, 2, LUA_TFUNCTION);
  sig = new_sig(L, 1, 1);
  if (sig->is_variadic) return luaL_error(L, "ffi: a callback cannot be variadic");
  cb = (FfiCallback *)lua_newuserdatauv(L, sizeof(FfiCallback), 1);
  memset(cb, 0, sizeof *cb);
  cb->sig = *sig;
  luaL_setmetatable(L, FFI_CALLBACK_MT);
  lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
  cb->owner = lua_tothread(L, -1);
  lua_pop(L, 1);
  lua_pushvalue(L, 2);
  lua_setiuservalue(L, -2, 1);
  prepare_cif(L, &cb->sig);
  cb->closure = (ffi_closure *)ffi_closure_alloc(sizeof(ffi_closure), &cb->code);
  if (cb->closure == NULL) return luaL_error(L, "ffi: cannot allocate a closure");
  if (ffi_prep_closure_loc(cb->closure, &cb->sig.cif, callback_entry, cb, cb->code) != FFI_OK) {
    ffi_closure_free(cb->closure);
    cb->closure = NULL;
    cb->code = NULL;
    return luaL_error(L, "ffi: libffi cannot prepare the closure");
  }
  lua_getfield(L, LUA_REGISTRYINDEX, FFI_CALLBACKS_KEY);
  lua_pushvalue(L, -2);
  lua_rawsetp(L, -2, cb);
  lua_pop(L, 1);
  return 1;
}

static int callback_free(lua_State *L) {
  FfiCallback *cb = (FfiCallback *)luaL_checkudata(L, 1, FFI_CALLBACK_MT);
  if (cb->closure != NULL) ffi_closure_free(cb->closure);
  cb->closure = NULL;
  cb->code = NULL;
  return 0;
}

static int callback_ptr(lua_State *L) {
  FfiCallback *cb = (FfiCallback *)luaL_checkudata(L, 1, FFI_CALLBACK_MT);
  if (cb->code == NULL) return luaL_error(L, "ffi: callback has been freed");
  lua_pushlightuserdata(L, cb->code);
  return 1;
}

static int callback_tostring(lua_State *L) {
  FfiCallback *cb = (FfiCallback *)luaL_checkudata(L, 1, FFI_CALLBACK_MT);
  lua_pushfstring(L, "ffi.callback: %s%s", cb->sig.name, cb->code ? "" : " (freed)");
  return 1;
}

/* ------------------------------------------------------------------------------------ */
/* Buffers                                                                              */

typedef struct FfiBuffer {
  FfiType elem;
  size_t count;                  /* number of elements */
  size_t elsize;
  unsigned char *data;           /* right after this header, in the same userdata */
} FfiBuffer;

/* The header is rounded up so the elements start 16-byte aligned, as userdata memory is. */
#define BUFFER_HEADER ((sizeof(FfiBuffer) + 15) & ~(size_t)15)

static FfiBuffer *check_buffer(lua_State *L, int idx) {
  return (FfiBuffer *)luaL_checkudata(L, idx, FFI_BUFFER_MT);
}

void *ffilib_buffer_data(lua_State *L, int idx, size_t *size) {
  FfiBuffer *buf = (FfiBuffer *)luaL_testudata(L, idx, FFI_BUFFER_MT);
  if (buf == NULL) return NULL;
  *size = buf->count * buf->elsize;
  return buf->data;
}

/* Parses a type name at idx for ffi.new/sizeof/read/write. */
static void check_type(lua_State *L, int idx, FfiType *t) {
  char err[160];
  const char *tname = luaL_checkstring(L, idx);
  if (ffidecl_parse_type(tname, 0, t, err, sizeof err) != NULL)
    luaL_error(L, "ffi: bad type '%s': %s", tname, err);
}

/* Converts the value at idx for storing into C memory: like an argument, except that a
 * Lua string is refused (the memory would outlive the string's guarantee). */
static void check_store_value(lua_State *L, int idx, const FfiType *t, FfiValue *v,
                              const char *fname, int argn) {
  FfiWhere where;
  where.fname = fname;
  where.argn = argn;
  if ((t->kind == FK_PTR || t->kind == FK_STR) && lua_type(L, idx) == LUA_TSTRING)
    luaL_error(L, "bad argument #%d to '%s' (cannot store a Lua string as a pointer)", argn,
               fname);
  fficonv_check(L, idx, t, v, &where);
}

/* ffi.new(type [, n | table | string]) -> a zero-filled buffer of n elements (default 1),
 * or holding a table's elements t[1..#t], or a string's bytes plus a terminating zero. */
static int ffi_new(lua_State *L) {
  FfiType t;
  FfiBuffer *buf;
  size_t count = 1, len = 0;
  int init = lua_type(L, 2);
  check_type(L, 1, &t);
  if (init == LUA_TNUMBER) {
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= 0, 2, "negative size");
    count = (size_t)n;
  } else if (init == LUA_TTABLE) {
    count = (size_t)luaL_len(L, 2);
  } else if (init == LUA_TSTRING) {
    lua_tolstring(L, 2, &len);
    luaL_argcheck(L, ffidecl_size(t.kind) == 1 && t.kind != FK_BOOL, 2,
                  "a string initialises only a buffer of 1-byte integers");
    count = len + 1;
  } else if (init != LUA_TNONE && init != LUA_TNIL) {
    return luaL_typeerror(L, 2, "number, table or string");
  }
  if (count > (((size_t)1 << 40) - BUFFER_HEADER) / ffidecl_size(t.kind))
    return luaL_argerror(L, 2, "buffer too large");
  buf = (FfiBuffer *)lua_newuserdatauv(L, BUFFER_HEADER + count * ffidecl_size(t.kind), 0);
  buf->elem = t;
  buf->count = count;
  buf->elsize = ffidecl_size(t.kind);
  buf->data = (unsigned char *)buf + BUFFER_HEADER;
  memset(buf->data, 0, count * buf->elsize);
  luaL_setmetatable(L, FFI_BUFFER_MT);
  if (init == LUA_TTABLE) {
    for (size_t i = 0; i < count; i++) {
      FfiValue v;
      lua_geti(L, 2, (lua_Integer)i + 1);
      check_store_value(L, -1, &t, &v, "new", 2);
      fficonv_store(&t, buf->data + i * buf->elsize, &v);
      lua_pop(L, 1);
    }
  } else if (init == LUA_TSTRING) {
    memcpy(buf->data, lua_tostring(L, 2), len);
  }
  return 1;
}

/* The element index at idx, which must be in [0, count). */
static size_t check_index(lua_State *L, FfiBuffer *buf, int idx) {
  lua_Integer i = luaL_checkinteger(L, idx);
  if (i < 0 || (lua_Unsigned)i >= buf->count)
    luaL_error(L, "ffi: buffer index %I out of range (buffer has %I elements)", (lua_Integer)i,
               (lua_Integer)buf->count);
  return (size_t)i;
}

static int buffer_get(lua_State *L) {
  FfiBuffer *buf = check_buffer(L, 1);
  size_t i = check_index(L, buf, 2);
  FfiValue v;
  fficonv_load(&buf->elem, buf->data + i * buf->elsize, &v);
  fficonv_push(L, &buf->elem, &v, 0);
  return 1;
}

static int buffer_set(lua_State *L) {
  FfiBuffer *buf = check_buffer(L, 1);
  size_t i = check_index(L, buf, 2);
  FfiValue v;
  check_store_value(L, 3, &buf->elem, &v, "set", 2);
  fficonv_store(&buf->elem, buf->data + i * buf->elsize, &v);
  return 0;
}

/* buf:ptr([i]) -> address of element i (default 0); i may be count (one past the end). */
static int buffer_ptr(lua_State *L) {
  FfiBuffer *buf = check_buffer(L, 1);
  lua_Integer i = luaL_optinteger(L, 2, 0);
  if (i < 0 || (lua_Unsigned)i > buf->count)
    return luaL_error(L, "ffi: buffer index %I out of range (buffer has %I elements)", i,
                      (lua_Integer)buf->count);
  lua_pushlightuserdata(L, buf->data + (size_t)i * buf->elsize);
  return 1;
}

static int buffer_size(lua_State *L) {
  FfiBuffer *buf = check_buffer(L, 1);
  lua_pushinteger(L, (lua_Integer)(buf->count * buf->elsize));
  return 1;
}

static int buffer_type(lua_State *L) {
  lua_pushstring(L, check_buffer(L, 1)->elem.name);
  return 1;
}

static int buffer_len(lua_State *L) {
  lua_pushinteger(L, (lua_Integer)check_buffer(L, 1)->count);
  return 1;
}

static int buffer_tostring(lua_State *L) {
  FfiBuffer *buf = check_buffer(L, 1);
  lua_pushfstring(L, "ffi.buffer: %s[%I]", buf->elem.name, (lua_Integer)buf->count);
  return 1;
}

/* buf[i] reads element i; other keys are the methods. */
static int buffer_index(lua_State *L) {
  check_buffer(L, 1);
  if (lua_type(L, 2) == LUA_TNUMBER) return buffer_get(L);
  lua_getmetatable(L, 1);
  lua_getfield(L, -1, "methods");
  lua_pushvalue(L, 2);
  lua_rawget(L, -2);
  return 1;
}

static int buffer_newindex(lua_State *L) {
  check_buffer(L, 1);
  if (lua_type(L, 2) != LUA_TNUMBER)
    return luaL_error(L, "ffi: buffers have no field '%s'", luaL_tolstring(L, 2, NULL));
  return buffer_set(L);
}

/* ------------------------------------------------------------------------------------ */
/* Raw memory                                                                           */

/* The address at idx plus index elements of size elsize, checked against a buffer's
 * bounds when idx is a buffer; NULL and non-pointers are errors. */
static unsigned char *check_address(lua_State *L, int idx, lua_Integer index, size_t elsize,
                                    const char *fname) {
  size_t size;
  void *p = ffilib_buffer_data(L, idx, &size);
  if (p != NULL) {
    if (index < 0 || (lua_Unsigned)index >= size / elsize)
      luaL_error(L, "bad argument #%d to '%s' (index out of range)", idx, fname);
  } else if (lua_type(L, idx) == LUA_TLIGHTUSERDATA) {
    p = lua_touserdata(L, idx);
    if (p == NULL) luaL_error(L, "bad argument #%d to '%s' (NULL pointer)", idx, fname);
  } else {
    luaL_error(L, "bad argument #%d to '%s' (pointer or buffer expected, got %s)", idx, fname,
               luaL_typename(L, idx));
  }
  return (unsigned char *)p + (size_t)index * elsize;
}

/* ffi.read(type, ptr [, i]) -> ((type*)ptr)[i]. */
static int ffi_read(lua_State *L) {
  FfiType t;
  FfiValue v;
  unsigned char *p;
  check_type(L, 1, &t);
  p = check_address(L, 2, luaL_optinteger(L, 3, 0), ffidecl_size(t.kind), "read");
  fficonv_load(&t, p, &v);
  return fficonv_push(L, &t, &v, 0);
}

/* ffi.write(type, ptr, value [, i]): ((type*)ptr)[i] = value. */
static int ffi_write(lua_State *L) {
  FfiType t;
  FfiValue v;
  unsigned char *p;
  check_type(L, 1, &t);
  p = check_address(L, 2, luaL_optinteger(L, 4, 0), ffidecl_size(t.kind), "write");
  check_store_value(L, 3, &t, &v, "write", 3);
  fficonv_store(&t, p, &v);
  return 0;
}

/* ffi.string(ptr [, len]) -> a Lua string of len bytes at ptr, or up to its first zero
 * byte (within the buffer, for a buffer). */
static int ffi_string(lua_State *L) {
  size_t size;
  const char *p = (const char *)ffilib_buffer_data(L, 1, &size);
  int has_len = !lua_isnoneornil(L, 2);
  lua_Integer len = has_len ? luaL_checkinteger(L, 2) : 0;
  luaL_argcheck(L, len >= 0, 2, "negative length");
  if (p != NULL) {
    if (!has_len) {
      const char *end = memchr(p, '\0', size);
      len = (lua_Integer)(end != NULL ? (size_t)(end - p) : size);
    }
    luaL_argcheck(L, (lua_Unsigned)len <= size, 2, "length exceeds the buffer");
  } else {
    if (lua_type(L, 1) != LUA_TLIGHTUSERDATA) return luaL_typeerror(L, 1, "pointer or buffer");
    p = (const char *)lua_touserdata(L, 1);
    luaL_argcheck(L, p != NULL, 1, "NULL pointer");
    if (!has_len) len = (lua_Integer)strlen(p);
  }
  lua_pushlstring(L, p, (size_t)len);
  return 1;
}

/* ffi.sizeof(type) -> size in bytes of a C value of that type. */
static int ffi_sizeof(lua_State *L) {
  FfiType t;
  check_type(L, 1, &t);
  lua_pushinteger(L, (lua_Integer)ffidecl_size(t.kind));
  return 1;
}

/* ffi.errno() -> errno as it was right after the last ffi call on this thread. */
static int ffi_errno(lua_State *L) {
  lua_pushinteger(L, last_errno);
  return 1;
}

/* ------------------------------------------------------------------------------------ */
/* The module                                                                           */

static const luaL_Reg ffi_funcs[] = {
  {"open", ffi_open},
  {"new", ffi_new},
  {"callback", ffi_callback},
  {"string", ffi_string},
  {"read", ffi_read},
  {"write", ffi_write},
  {"sizeof", ffi_sizeof},
  {"errno", ffi_errno},
  {NULL, NULL}
};

static const luaL_Reg lib_methods[] = {
  {"func", lib_func},
  {"sym", lib_sym},
  {NULL, NULL}
};

static const luaL_Reg callback_methods[] = {
  {"ptr", callback_ptr},
  {"free", callback_free},
  {NULL, NULL}
};

static const luaL_Reg buffer_methods[] = {
  {"get", buffer_get},
  {"set", buffer_set},
  {"ptr", buffer_ptr},
  {"size", buffer_size},
  {"type", buffer_type},
  {NULL, NULL}
};

/* Creates metatable name with the given methods as __index (a table) and metamethods. */
static void new_class(lua_State *L, const char *name, const luaL_Reg *methods,
                      const luaL_Reg *metamethods) {
  luaL_newmetatable(L, name);
  luaL_setfuncs(L, metamethods, 0);
  lua_newtable(L);
  luaL_setfuncs(L, methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

LUAMOD_API int luaopen_ffi(lua_State *L) {
  static const luaL_Reg lib_meta[] = {
    {"__gc", lib_gc}, {"__tostring", lib_tostring}, {NULL, NULL}
  };
  static const luaL_Reg callback_meta[] = {
    {"__gc", callback_free}, {"__tostring", callback_tostring}, {NULL, NULL}
  };
  static const luaL_Reg buffer_meta[] = {
    {"__index", buffer_index}, {"__newindex", buffer_newindex}, {"__len", buffer_len},
    {"__tostring", buffer_tostring}, {NULL, NULL}
  };
  if (!cap_ffi_allowed(L)) return luaL_error(L, "ffi: the 'ffi' capability is not granted");
  new_class(L, FFI_LIBRARY_MT, lib_methods, lib_meta);
  new_class(L, FFI_CALLBACK_MT, callback_methods, callback_meta);
  /* buffers: __index is a function (numeric keys read elements), methods kept aside */
  luaL_newmetatable(L, FFI_BUFFER_MT);
  luaL_setfuncs(L, buffer_meta, 0);
  lua_newtable(L);
  luaL_setfuncs(L, buffer_methods, 0);
  lua_setfield(L, -2, "methods");
  lua_pop(L, 1);
  /* the weak map from a callback's C struct to its userdata */
  if (luaL_getsubtable(L, LUA_REGISTRYINDEX, FFI_CALLBACKS_KEY) == 0) {
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "v");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
  }
  lua_pop(L, 1);
  luaL_newlib(L, ffi_funcs);
  lua_pushlightuserdata(L, NULL);
  lua_setfield(L, -2, "null");
  return 1;
}
