/* Creation and destruction of Lua universes (lua_newstate/lua_close) and threads
 * (lua_newthread, lua_closethread/lua_resetthread): the value stack with its
 * EXTRA_STACK slack, the CallInfo array, the registry, and the module set-up calls
 * (strings, metamethod names, collector). */
#include <gc/gc.h>

#include "call.h"
#include "func.h"
#include "gc.h"
#include "meta.h"
#include "str.h"
#include "table.h"

/* A thread block is LUA_EXTRASPACE bytes of user space followed by the lua_State
 * (lua_getextraspace points just before L). The main thread shares its block with the
 * global_State, and the block is uncollectable: hosts may keep L where the collector
 * does not look. */
typedef struct MainBlock {
  _Alignas(16) char extra[LUA_EXTRASPACE];
  lua_State l;
  global_State g;
} MainBlock;

typedef struct ThreadBlock {
  _Alignas(16) char extra[LUA_EXTRASPACE];
  lua_State l;
} ThreadBlock;

#define CI_INITIAL 16

static void stack_init(lua_State *L1, lua_State *L) {
  L1->stack = (Value *)gc_alloc(L, sizeof(Value) * (BASIC_STACK_SIZE + EXTRA_STACK));
  L1->stacksize = BASIC_STACK_SIZE;
  L1->stack_last = L1->stack + BASIC_STACK_SIZE;
  L1->tbclist = NULL;
  L1->cibase = (CallInfo *)gc_alloc(L, sizeof(CallInfo) * CI_INITIAL);
  L1->cisize = CI_INITIAL;
  CallInfo *ci = L1->ci = L1->cibase;
  ci->func = L1->stack;
  setnilvalue(L1->stack);  /* 'function' slot of the base C frame */
  ci->callstatus = 0;
  ci->nresults = 0;
  ci->u.c.k = NULL;
  L1->top = L1->stack + 1;
  ci->top = L1->top + LUA_MINSTACK;
}

static void thread_preinit(lua_State *L1, global_State *g) {
  L1->tt = TAG_THREAD;
  L1->l_G = g;
  L1->stack = NULL;
  L1->ci = NULL;
  L1->nci = 0;
  L1->errorJmp = NULL;
  L1->hook = NULL;
  L1->hookmask = 0;
  L1->basehookcount = 0;
  L1->allowhook = 1;
  L1->hookcount = 0;
  L1->openupval = NULL;
  L1->status = LUA_OK;
  L1->errfunc = 0;
  L1->oldpc = 0;
  L1->nCcalls = 0;
}

static void registry_init(lua_State *L, global_State *g) {
  Table *registry = tab_new(L, 2, 0);
  sethvalue(&g->registry, registry);
  Value v;
  setthvalue(&v, L);
  tab_setint(L, registry, LUA_RIDX_MAINTHREAD, &v);
  sethvalue(&v, tab_new(L, 0, 0));
  tab_setint(L, registry, LUA_RIDX_GLOBALS, &v);
}

static void open_state(lua_State *L, void *ud) {
  global_State *g = G(L);
  (void)ud;
  stack_init(L, L);
  str_init(L);
  meta_init(L);
  gc_init(L);
  registry_init(L, g);
}

lua_State *lua_newstate(lua_Alloc f, void *ud) {
  gc_init_collector();
  if (unlikely(!gc_attached) && cove_attachthread() != 0)
    return NULL;  /* a second thread after cove_singlethreaded */
  MainBlock *mb = (MainBlock *)GC_MALLOC_UNCOLLECTABLE(sizeof(MainBlock));
  if (mb == NULL)
    return NULL;
  memset(mb, 0, sizeof *mb);
  lua_State *L = &mb->l;
  global_State *g = &mb->g;
  thread_preinit(L, g);
  L->nCcalls = 0x10000u;  /* the main thread is not yieldable */
  g->mainthread = L;
  g->frealloc = f;
  g->ud = ud;
  g->seed = (unsigned int)(uintptr_t)mb ^ 0x2545F491u;
  setnilvalue(&g->registry);
  setnilvalue(&g->nilvalue);
  g->budget = VM_BUDGET_REFILL;
  if (vm_rawrunprotected(L, open_state, NULL) != LUA_OK) {
    GC_FREE(mb);
    return NULL;
  }
  return L;
}

void lua_close(lua_State *L) {
  L = G(L)->mainthread;
  L->ci = L->cibase;  /* unwind every frame */
  L->errorJmp = NULL;
  L->nCcalls = 0x10000u;
  vm_closeprotected(L, 1 * (ptrdiff_t)sizeof(Value), LUA_OK);
  gc_finalize_all(L);
  gc_close(L);
  MainBlock *mb = (MainBlock *)((char *)L - offsetof(MainBlock, l));
  GC_FREE(mb);
}

lua_State *lua_newthread(lua_State *L) {
  global_State *g = G(L);
  ThreadBlock *tb = (ThreadBlock *)gc_alloc(L, sizeof(ThreadBlock));
  lua_State *L1 = &tb->l;
  memcpy(tb->extra, lua_getextraspace(g->mainthread), LUA_EXTRASPACE);
  thread_preinit(L1, g);
  L1->hookmask = L->hookmask;
  L1->basehookcount = L->basehookcount;
  L1->hook = L->hook;
  L1->hookcount = L1->basehookcount;
  setthvalue(L->top, L1);  /* anchor it before allocating its stack */
  L->top++;
  stack_init(L1, L);
  return L1;
}

/* Unwind a thread to its base frame, closing pending tbc variables (lua5.4's
 * luaE_resetthread). The error, if any, is left at stack + 1. */
static int reset_thread(lua_State *L, int status) {
  CallInfo *ci = L->ci = L->cibase;
  setnilvalue(L->stack);
  ci->func = L->stack;
  ci->callstatus = 0;
  if (status == LUA_YIELD)
    status = LUA_OK;
  L->status = LUA_OK;  /* so __close metamethods can run */
  status = vm_closeprotected(L, savestack(L, L->stack + 1), status);
  if (status != LUA_OK)
    vm_seterrorobj(L, status, L->stack + 1);
  else
    L->top = L->stack + 1;
  ci->top = L->top + LUA_MINSTACK;
  return status;
}

int lua_closethread(lua_State *L, lua_State *from) {
  L->nCcalls = (from != NULL) ? (from->nCcalls & 0xffffu) : 0;
  return reset_thread(L, L->status);
}

int lua_resetthread(lua_State *L) {
  return lua_closethread(L, NULL);
}

int vm_closethread(lua_State *L, lua_State *from) {
  return lua_closethread(L, from);
}
