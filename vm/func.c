/* Closures, upvalues and to-be-closed variables.
 * Open upvalues point into a thread's stack and sit on the thread's list sorted by
 * stack level, highest first, so closing a scope stops at the first upvalue below it.
 * To-be-closed variables are chained through the stack itself: the padding bytes of
 * a marked slot hold the index of the previous marked slot (see spec/vm.md). */
#include "func.h"

#include "call.h"
#include "debug.h"
#include "gc.h"
#include "meta.h"

Proto *func_newproto(lua_State *L) {
  return (Proto *)gc_new(L, sizeof(Proto), TAG_PROTO);
}

LClosure *func_newLclosure(lua_State *L, int nupvals) {
  LClosure *cl = (LClosure *)gc_new(L, sizeof(LClosure) + sizeof(UpVal *) * (size_t)nupvals,
                                    TAG_LCL);
  cl->nupvalues = (uint8_t)nupvals;
  return cl;
}

CClosure *func_newCclosure(lua_State *L, int nupvals) {
  CClosure *cl = (CClosure *)gc_new(L, sizeof(CClosure) + sizeof(Value) * (size_t)nupvals,
                                    TAG_CCL);
  cl->nupvalues = (uint8_t)nupvals;
  return cl;
}

static UpVal *new_closed_upval(lua_State *L) {
  UpVal *uv = (UpVal *)gc_new(L, sizeof(UpVal), TAG_UPVAL);
  uv->v = &uv->u.value;
  setnilvalue(uv->v);
  return uv;
}

void func_initupvals(lua_State *L, LClosure *cl) {
  for (int i = 0; i < cl->nupvalues; i++)
    cl->upvals[i] = new_closed_upval(L);
}

UpVal *func_findupval(lua_State *L, Value *level) {
  UpVal **pp = &L->openupval;
  UpVal *p;
  while ((p = *pp) != NULL && p->v >= level) {
    if (p->v == level)
      return p;
    pp = &p->u.open.next;
  }
  /* not found: insert a new open upvalue between the higher ones and p */
  UpVal *uv = (UpVal *)gc_new(L, sizeof(UpVal), TAG_UPVAL);
  uv->v = level;
  uv->u.open.next = p;
  uv->u.open.previous = pp;
  if (p != NULL)
    p->u.open.previous = &uv->u.open.next;
  *pp = uv;
  return uv;
}

void func_closeupval(lua_State *L, Value *level) {
  UpVal *uv;
  while ((uv = L->openupval) != NULL && uv->v >= level) {
    UpVal *next = uv->u.open.next;  /* read before the union is overwritten */
    L->openupval = next;
    if (next != NULL)
      next->u.open.previous = &L->openupval;
    Value *slot = uv->v;
    uv->u.value = *slot;
    uv->v = &uv->u.value;
  }
}

/* ---- to-be-closed variables ----
 * The previous marked slot is kept as (index + 1) in bytes 12..15 of the marked Value,
 * which the 16-byte layout leaves unused: an index survives stack reallocation, and the
 * slot is never rewritten while marked (tbc locals are constants). */
#define TBC_LINK_OFFSET 12

static uint32_t tbc_getlink(const Value *v) {
  uint32_t link;
  memcpy(&link, (const char *)v + TBC_LINK_OFFSET, sizeof link);
  return link;
}

static void tbc_setlink(Value *v, uint32_t link) {
  memcpy((char *)v + TBC_LINK_OFFSET, &link, sizeof link);
}

void func_newtbcupval(lua_State *L, Value *level) {
  if (ttisfalsy(level))
    return;  /* false and nil need no closing */
  if (meta_get(L, level, TM_CLOSE) == NULL) {
    int idx = (int)(level - L->ci->func);
    const char *vname = dbg_findlocal(L, L->ci, idx, NULL);
    if (vname == NULL)
      vname = "?";
    vm_runerror(L, "variable '%s' got a non-closable value", vname);
  }
  /* Compiled code marks slots in rising order and closes them before marking again;
   * hostile bytecode may not (marking one slot twice would link it to itself). */
  if (L->tbclist != NULL && level <= L->tbclist)
    vm_runerror(L, "to-be-closed variable marked out of order");
  uint32_t prev = L->tbclist != NULL ? (uint32_t)(L->tbclist - L->stack) + 1 : 0;
  tbc_setlink(level, prev);
  L->tbclist = level;
}

static void pop_tbclist(lua_State *L) {
  uint32_t prev = tbc_getlink(L->tbclist);
  uint32_t cur = (uint32_t)(L->tbclist - L->stack);
  /* The link lives in a stack slot that hostile bytecode can overwrite: a link that does
   * not point strictly below ends the list, so closing stays on the stack and terminates. */
  L->tbclist = prev != 0 && prev - 1 < cur ? L->stack + (prev - 1) : NULL;
}

/* Call obj's __close with (obj, err); yy says whether the call may yield. */
static void call_close_method(lua_State *L, Value *obj, const Value *err, int yy) {
  Value *top = L->top;
  const Value *tm = meta_get(L, obj, TM_CLOSE);
  if (tm != NULL)
    setobj(top, tm);
  else
    setnilvalue(top);  /* metamethod removed since marking: the call fails as in lua5.4 */
  setobj(top + 1, obj);
  setobj(top + 2, err);
  L->top = top + 3;
  if (yy)
    vm_call(L, top, 0);
  else
    vm_callnoyield(L, top, 0);
}

/* Error status -> error object placed at `where` (top becomes where + 1). */
static void set_close_errobj(lua_State *L, int status, Value *where) {
  vm_seterrorobj(L, status, where);
}

Value *func_close(lua_State *L, Value *level, int status, int yy) {
  ptrdiff_t levelrel = savestack(L, level);
  func_closeupval(L, level);
  while (L->tbclist != NULL && L->tbclist >= level) {
    Value *tbc = L->tbclist;
    pop_tbclist(L);
    if (status == LUA_OK) {
      /* normal exit: error argument is nil and the top (results) is kept */
      call_close_method(L, tbc, &G(L)->nilvalue, yy);
    } else {
      set_close_errobj(L, status, tbc + 1);
      call_close_method(L, tbc, tbc + 1, yy);
    }
    level = restorestack(L, levelrel);
  }
  return level;
}

const char *func_getlocalname(const Proto *p, int local_number, int pc) {
  for (int i = 0; i < p->sizelocvars && p->locvars[i].startpc <= pc; i++) {
    if (pc < p->locvars[i].endpc) {  /* variable active at pc */
      local_number--;
      if (local_number == 0)
        return p->locvars[i].name != NULL ? getstr(p->locvars[i].name) : NULL;
    }
  }
  return NULL;
}
