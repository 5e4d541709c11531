/* Cove's tagged value: an 8-byte payload and a one-byte tag in a 16-byte slot.
 * Every module that touches Lua values includes this. Tags are ordered so that the
 * interpreter's common type tests (falsy, number, collectable) are a single compare.
 * See spec/values.md for the full layout and the reasoning. */
#ifndef COVE_VALUE_H
#define COVE_VALUE_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lua.h"

#if defined(__GNUC__)
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define COLD __attribute__((cold, noinline))
/* Hot: placed with the other hot functions (.text.hot), so the code most programs run
 * stays together in the instruction cache instead of colliding in the same sets. */
#define HOT __attribute__((hot))
#define NOINLINE __attribute__((noinline))
#define NORETURN __attribute__((noreturn))
#else
#define likely(x) (x)
#define unlikely(x) (x)
#define COLD
#define HOT
#define NOINLINE
#define NORETURN
#endif

#ifdef COVE_ASSERTS
#include <assert.h>
#define cove_assert(c) assert(c)
#else
#define cove_assert(c) ((void)0)
#endif

/* Tags. Order matters:
 *   tt <= TAG_FALSE           -> value is falsy (nil or false)
 *   tt == TAG_INT/TAG_FLT     -> number (adjacent, so (unsigned)(tt - TAG_INT) <= 1)
 *   tt >= TAG_STR             -> payload is a GC object pointer */
enum {
  TAG_NIL = 0,
  TAG_FALSE,
  TAG_TRUE,
  TAG_INT,
  TAG_FLT,
  TAG_LIGHTUD,  /* light userdata: raw void* */
  TAG_LCF,      /* light C function: lua_CFunction without upvalues */
  TAG_STR,      /* first collectable tag */
  TAG_TABLE,
  TAG_LCL,      /* Lua closure */
  TAG_CCL,      /* C closure with upvalues */
  TAG_UDATA,
  TAG_THREAD,
  TAG_PROTO,    /* internal: function prototype */
  TAG_UPVAL,    /* internal: upvalue box */
  TAG_DEADKEY,  /* internal: key of a removed table entry (keeps next() working) */
  TAG__COUNT
};

typedef struct GCObject GCObject;

typedef union Payload {
  GCObject *gc;
  void *p;
  lua_CFunction f;
  int64_t i;
  double n;
} Payload;

typedef struct Value {
  Payload u;
  uint8_t tt;
} Value;

/* Header common to every collectable object. `attach` is the GC-visible list of
 * values attached to this object as an ephemeron key (weak-key tables, see vm/gc.c);
 * NULL for almost every object. Strings never use it and are atomic allocations. */
#define GC_HEADER struct GCAttach *attach; uint8_t tt; uint8_t gcflags

struct GCObject {
  GC_HEADER;
};

/* ---- tests ---- */
#define ttype(v)        ((v)->tt)
#define ttisnil(v)      ((v)->tt == TAG_NIL)
#define ttisfalsy(v)    ((v)->tt <= TAG_FALSE)
#define ttisboolean(v)  ((v)->tt == TAG_FALSE || (v)->tt == TAG_TRUE)
#define ttisinteger(v)  ((v)->tt == TAG_INT)
#define ttisfloat(v)    ((v)->tt == TAG_FLT)
#define ttisnumber(v)   ((unsigned)((v)->tt - TAG_INT) <= 1u)
#define ttisstring(v)   ((v)->tt == TAG_STR)
#define ttistable(v)    ((v)->tt == TAG_TABLE)
#define ttisLclosure(v) ((v)->tt == TAG_LCL)
#define ttisCclosure(v) ((v)->tt == TAG_CCL)
#define ttislcf(v)      ((v)->tt == TAG_LCF)
#define ttisfunction(v) ((v)->tt == TAG_LCL || (v)->tt == TAG_CCL || (v)->tt == TAG_LCF)
#define ttisfulluserdata(v) ((v)->tt == TAG_UDATA)
#define ttislightuserdata(v) ((v)->tt == TAG_LIGHTUD)
#define ttisthread(v)   ((v)->tt == TAG_THREAD)
#define iscollectable(v) ((v)->tt >= TAG_STR)

/* ---- accessors ---- */
#define ivalue(v)   ((v)->u.i)
#define fltvalue(v) ((v)->u.n)
#define nvalue(v)   (ttisinteger(v) ? (double)ivalue(v) : fltvalue(v))
#define pvalue(v)   ((v)->u.p)
#define fvalue(v)   ((v)->u.f)
#define gcvalue(v)  ((v)->u.gc)
#define strvalue(v) ((struct String *)(v)->u.gc)
#define tabvalue(v) ((struct Table *)(v)->u.gc)
#define clLvalue(v) ((struct LClosure *)(v)->u.gc)
#define clCvalue(v) ((struct CClosure *)(v)->u.gc)
#define udvalue(v)  ((struct Udata *)(v)->u.gc)
#define thvalue(v)  ((struct lua_State *)(v)->u.gc)

/* ---- setters (dst is a Value*) ---- */
#define setnilvalue(o)       ((o)->tt = TAG_NIL)
#define setbfalse(o)         ((o)->tt = TAG_FALSE)
#define setbtrue(o)          ((o)->tt = TAG_TRUE)
#define setbvalue(o, b)      ((o)->tt = (b) ? TAG_TRUE : TAG_FALSE)
#define setivalue(o, x)      do { Value *o_ = (o); o_->u.i = (x); o_->tt = TAG_INT; } while (0)
#define setfltvalue(o, x)    do { Value *o_ = (o); o_->u.n = (x); o_->tt = TAG_FLT; } while (0)
#define setpvalue(o, x)      do { Value *o_ = (o); o_->u.p = (x); o_->tt = TAG_LIGHTUD; } while (0)
#define setfvalue(o, x)      do { Value *o_ = (o); o_->u.f = (x); o_->tt = TAG_LCF; } while (0)
#define setgcvalue(o, x, t)  do { Value *o_ = (o); o_->u.gc = (GCObject *)(x); o_->tt = (t); } while (0)
#define setsvalue(o, x)      setgcvalue(o, x, TAG_STR)
#define sethvalue(o, x)      setgcvalue(o, x, TAG_TABLE)
#define setclLvalue(o, x)    setgcvalue(o, x, TAG_LCL)
#define setclCvalue(o, x)    setgcvalue(o, x, TAG_CCL)
#define setuvalue(o, x)      setgcvalue(o, x, TAG_UDATA)
#define setthvalue(o, x)     setgcvalue(o, x, TAG_THREAD)
/* Payload and tag copied as two fields, not as one 16-byte block: values are usually
 * written field by field (setivalue & co.), and a wide load of two narrower pending
 * stores cannot be forwarded from the store buffer (a stall of ~10 cycles). */
#define setobj(dst, src) \
  do { \
    Value *so_d_ = (dst); \
    const Value *so_s_ = (src); \
    so_d_->u = so_s_->u; \
    so_d_->tt = so_s_->tt; \
  } while (0)

/* Raw equality of two values of the same tag that are not strings or floats:
 * payload compare. Strings and floats need their own rules (see vm_rawequal). */

#endif
