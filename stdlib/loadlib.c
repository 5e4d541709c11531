/* The package library (luaopen_package) and require: package.path/cpath from the
 * environment (COVE_PATH, then LUA_PATH_5_4, then LUA_PATH; ";;" stands for the
 * default), the four searchers of lua5.4 (preload, Lua files, C libraries, all-in-one
 * C libraries), package.searchpath and package.loadlib over dlopen. The default paths
 * are Debian's lua5.4 paths, so the distribution's lua-* modules are found. */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

/* Debian's lua5.4 defaults (its luaconf.h adds /usr/share/lua/5.4 and the multiarch
 * C directory to the upstream ones). */
#define PKG_LDIR_LOCAL "/usr/local/share/lua/5.4/"
#define PKG_CDIR_LOCAL "/usr/local/lib/lua/5.4/"
#define PKG_PATH_DEFAULT \
  PKG_LDIR_LOCAL "?.lua;" PKG_LDIR_LOCAL "?/init.lua;" \
  PKG_CDIR_LOCAL "?.lua;" PKG_CDIR_LOCAL "?/init.lua;" \
  "/usr/share/lua/5.4/?.lua;/usr/share/lua/5.4/?/init.lua;" \
  "./?.lua;./?/init.lua"
#define PKG_CPATH_DEFAULT \
  PKG_CDIR_LOCAL "?.so;" "/usr/lib/x86_64-linux-gnu/lua/5.4/?.so;" \
  "/usr/lib/lua/5.4/?.so;" PKG_CDIR_LOCAL "loadall.so;" "./?.so"

#define PKG_PATH_SEP ';'
#define PKG_PATH_MARK "?"
#define PKG_DIRSEP "/"
#define PKG_OPEN_PREFIX "luaopen_"
#define PKG_IGNORE_MARK '-'

/* Registry key of the table of loaded C libraries (path -> handle, plus the handles
 * in load order so they are closed in reverse). */
static const char *const PKG_CLIBS = "_CLIBS";

/* lookforfunc results besides 0 (success). */
#define PKG_ERRLIB 1  /* the library could not be opened */
#define PKG_ERRFUNC 2 /* the library has no such function */

/* ---- dynamic libraries ---- */

static void *pkg_check_clib(lua_State *L, const char *path) {
  lua_getfield(L, LUA_REGISTRYINDEX, PKG_CLIBS);
  lua_getfield(L, -1, path);
  void *handle = lua_touserdata(L, -1);
  lua_pop(L, 2);
  return handle;
}

static void pkg_add_clib(lua_State *L, const char *path, void *handle) {
  lua_getfield(L, LUA_REGISTRYINDEX, PKG_CLIBS);
  lua_pushlightuserdata(L, handle);
  lua_pushvalue(L, -1);
  lua_setfield(L, -3, path);
  lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
  lua_pop(L, 1);
}

/* __gc of the CLIBS table: unloads the libraries when the state closes. */
static int pkg_clibs_gc(lua_State *L) {
  lua_Integer n = luaL_len(L, 1);
  for (; n >= 1; n--) {
    lua_rawgeti(L, 1, n);
    dlclose(lua_touserdata(L, -1));
    lua_pop(L, 1);
  }
  return 0;
}

/* Loads library 'path' (once) and pushes its function 'sym', or true when sym is
 * "*" (load only, with the symbols made global for later libraries). On failure
 * pushes dlerror()'s message and returns PKG_ERRLIB or PKG_ERRFUNC. */
static int pkg_look_for_func(lua_State *L, const char *path, const char *sym) {
  void *handle = pkg_check_clib(L, path);
  if (handle == NULL) {
    handle = dlopen(path, RTLD_NOW | (*sym == '*' ? RTLD_GLOBAL : RTLD_LOCAL));
    if (handle == NULL) {
      lua_pushstring(L, dlerror());
      return PKG_ERRLIB;
    }
    pkg_add_clib(L, path, handle);
  }
  if (*sym == '*') {
    lua_pushboolean(L, 1);
    return 0;
  }
  lua_CFunction f = (lua_CFunction)(uintptr_t)dlsym(handle, sym);
  if (f == NULL) {
    lua_pushstring(L, dlerror());
    return PKG_ERRFUNC;
  }
  lua_pushcfunction(L, f);
  return 0;
}

static int pkg_loadlib(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  const char *init = luaL_checkstring(L, 2);
  int stat = pkg_look_for_func(L, path, init);
  if (stat == 0) return 1;
  luaL_pushfail(L);
  lua_insert(L, -2);
  lua_pushstring(L, stat == PKG_ERRLIB ? "open" : "init");
  return 3;
}

/* ---- searching paths ---- */

static int pkg_readable(const char *filename) {
  FILE *f = fopen(filename, "r");
  if (f == NULL) return 0;
  fclose(f);
  return 1;
}

/* Pushes the file name of the first readable template in 'path' (with each '?'
 * replaced by 'name', whose 'sep' characters become 'dirsep'), or pushes the
 * "no file '...'" list of every name tried and returns NULL. */
static const char *pkg_search_path(lua_State *L, const char *name, const char *path,
                                   const char *sep, const char *dirsep) {
  int base = lua_gettop(L);
  if (*sep != '\0' && strchr(name, *sep) != NULL) name = luaL_gsub(L, name, sep, dirsep);
  size_t len;
  const char *expanded = luaL_gsub(L, path, PKG_PATH_MARK, name);
  expanded = lua_tolstring(L, -1, &len);
  /* a writable copy, split in place at each separator */
  char *names = (char *)lua_newuserdatauv(L, len + 1, 0);
  memcpy(names, expanded, len + 1);
  char *end = names + len;
  for (char *p = names;;) {
    char *next = strchr(p, PKG_PATH_SEP);
    if (next == NULL) next = end;
    *next = '\0';
    if (pkg_readable(p)) {
      const char *found = lua_pushstring(L, p);
      lua_replace(L, base + 1);
      lua_settop(L, base + 1);
      return found;
    }
    if (next == end) break;
    p = next + 1;
  }
  /* not found: "no file 'a'\n\tno file 'b'..." */
  lua_pop(L, 1);
  lua_pushliteral(L, "no file '");
  luaL_gsub(L, lua_tostring(L, -2), ";", "'\n\tno file '");
  lua_pushliteral(L, "'");
  lua_concat(L, 3);
  lua_replace(L, base + 1);
  lua_settop(L, base + 1);
  return NULL;
}

static int pkg_searchpath(lua_State *L) {
  const char *f = pkg_search_path(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2),
                                  luaL_optstring(L, 3, "."),
                                  luaL_optstring(L, 4, PKG_DIRSEP));
  if (f != NULL) return 1;
  luaL_pushfail(L);
  lua_insert(L, -2);
  return 2;
}

/* Searches package[pname] (the package table is upvalue 1 of the searchers). */
static const char *pkg_find_file(lua_State *L, const char *name, const char *pname) {
  lua_getfield(L, lua_upvalueindex(1), pname);
  const char *path = lua_tostring(L, -1);
  if (path == NULL) luaL_error(L, "'package.%s' must be a string", pname);
  return pkg_search_path(L, name, path, ".", PKG_DIRSEP);
}

/* A searcher's result after loading: the loader and the file name, or an error
 * (a file that exists but fails to load is an error, not "not found"). */
static int pkg_check_load(lua_State *L, int ok, const char *filename) {
  if (ok) {
    lua_pushstring(L, filename);
    return 2;
  }
  return luaL_error(L, "error loading module '%s' from file '%s':\n\t%s",
                    lua_tostring(L, 1), filename, lua_tostring(L, -1));
}

static int pkg_searcher_lua(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *filename = pkg_find_file(L, name, "path");
  if (filename == NULL) return 1;
  return pkg_check_load(L, luaL_loadfile(L, filename) == LUA_OK, filename);
}

/* Looks for the open function of module 'modname' in a C library: dots become '_';
 * with a '-' in the name, "luaopen_" + the part before it is tried first (versioned
 * modules), then "luaopen_" + the part after it. */
static int pkg_load_func(lua_State *L, const char *filename, const char *modname) {
  modname = luaL_gsub(L, modname, ".", "_");
  const char *mark = strchr(modname, PKG_IGNORE_MARK);
  if (mark != NULL) {
    lua_pushlstring(L, modname, (size_t)(mark - modname));
    const char *openfunc = lua_pushfstring(L, PKG_OPEN_PREFIX "%s", lua_tostring(L, -1));
    int stat = pkg_look_for_func(L, filename, openfunc);
    if (stat != PKG_ERRFUNC) return stat;
    modname = mark + 1;
  }
  const char *openfunc = lua_pushfstring(L, PKG_OPEN_PREFIX "%s", modname);
  return pkg_look_for_func(L, filename, openfunc);
}

static int pkg_searcher_c(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *filename = pkg_find_file(L, name, "cpath");
  if (filename == NULL) return 1;
  return pkg_check_load(L, pkg_load_func(L, filename, name) == 0, filename);
}

/* "a.b.c" may live in the C library of its root "a" as luaopen_a_b_c. */
static int pkg_searcher_croot(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  const char *dot = strchr(name, '.');
  if (dot == NULL) return 0;
  lua_pushlstring(L, name, (size_t)(dot - name));
  const char *filename = pkg_find_file(L, lua_tostring(L, -1), "cpath");
  if (filename == NULL) return 1;
  int stat = pkg_load_func(L, filename, name);
  if (stat != 0) {
    if (stat != PKG_ERRFUNC) return pkg_check_load(L, 0, filename);
    lua_pushfstring(L, "no module '%s' in file '%s'", name, filename);
    return 1;
  }
  lua_pushstring(L, filename);
  return 2;
}

static int pkg_searcher_preload(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  if (lua_getfield(L, -1, name) == LUA_TNIL) {
    lua_pushfstring(L, "no field package.preload['%s']", name);
    return 1;
  }
  lua_pushliteral(L, ":preload:");
  return 2;
}

/* Runs package.searchers in order until one returns a loader; leaves the loader and
 * its data on the stack, or raises "module 'x' not found:" with every searcher's
 * message, each on its own "\n\t" line. The messages are gathered in a table so the
 * stack stays simple. */
static void pkg_find_loader(lua_State *L, const char *name) {
  if (lua_getfield(L, lua_upvalueindex(1), "searchers") != LUA_TTABLE)
    luaL_error(L, "'package.searchers' must be a table");
  int searchers = lua_gettop(L);
  lua_newtable(L);
  int messages = searchers + 1;
  int nmsg = 0;
  for (int i = 1;; i++) {
    if (lua_rawgeti(L, searchers, i) == LUA_TNIL) {
      lua_pop(L, 1);
      lua_pushfstring(L, "module '%s' not found:", name);
      for (int k = 1; k <= nmsg; k++) {
        lua_pushliteral(L, "\n\t");
        lua_rawgeti(L, messages, k);
        lua_concat(L, 3);
      }
      lua_error(L);
    }
    lua_pushstring(L, name);
    lua_call(L, 1, 2);
    if (lua_isfunction(L, -2)) {
      lua_remove(L, messages);
      lua_remove(L, searchers);
      return;
    }
    if (lua_isstring(L, -2)) {
      lua_pop(L, 1);
      lua_rawseti(L, messages, ++nmsg);
    } else {
      lua_pop(L, 2);
    }
  }
}

static int pkg_require(lua_State *L) {
  const char *name = luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE); /* index 2 */
  lua_getfield(L, 2, name);
  if (lua_toboolean(L, -1)) return 1;
  lua_pop(L, 1);
  pkg_find_loader(L, name);
  lua_rotate(L, -2, 1); /* loader data, loader */
  lua_pushvalue(L, 1);
  lua_pushvalue(L, -3);
  lua_call(L, 2, 1);
  if (!lua_isnil(L, -1))
    lua_setfield(L, 2, name);
  else
    lua_pop(L, 1);
  if (lua_getfield(L, 2, name) == LUA_TNIL) { /* the module set no value: use true */
    lua_pushboolean(L, 1);
    lua_copy(L, -1, -2);
    lua_setfield(L, 2, name);
  }
  lua_rotate(L, -2, 1); /* module value first, loader data second */
  return 2;
}

/* ---- opening ---- */

/* Sets package[field] from the first of the environment variables that is set
 * (COVE_* first, then the versioned LUA_* name, then the plain one); a ";;" in it
 * is replaced by the default path. LUA_NOENV in the registry ignores them all. */
static void pkg_set_path(lua_State *L, const char *field, const char *cove_var,
                         const char *lua_var, const char *dft) {
  const char *versioned = lua_pushfstring(L, "%s%s", lua_var, LUA_VERSUFFIX);
  const char *path = getenv(cove_var);
  if (path == NULL) path = getenv(versioned);
  if (path == NULL) path = getenv(lua_var);
  lua_getfield(L, LUA_REGISTRYINDEX, "LUA_NOENV");
  int noenv = lua_toboolean(L, -1);
  lua_pop(L, 1);
  const char *dftmark;
  if (path == NULL || noenv) {
    lua_pushstring(L, dft);
  } else if ((dftmark = strstr(path, ";;")) == NULL) {
    lua_pushstring(L, path);
  } else {
    size_t len = strlen(path);
    int parts = 0;
    if (path < dftmark) {
      lua_pushlstring(L, path, (size_t)(dftmark - path));
      lua_pushliteral(L, ";");
      parts += 2;
    }
    lua_pushstring(L, dft);
    parts++;
    if (dftmark < path + len - 2) {
      lua_pushliteral(L, ";");
      lua_pushlstring(L, dftmark + 2, (size_t)((path + len - 2) - dftmark));
      parts += 2;
    }
    lua_concat(L, parts);
  }
  lua_setfield(L, -3, field);
  lua_pop(L, 1);
}

static const luaL_Reg pkg_funcs[] = {
  {"loadlib", pkg_loadlib},
  {"searchpath", pkg_searchpath},
  /* placeholders */
  {"preload", NULL},
  {"cpath", NULL},
  {"path", NULL},
  {"searchers", NULL},
  {"loaded", NULL},
  {NULL, NULL}
};

static const luaL_Reg pkg_global_funcs[] = {
  {"require", pkg_require},
  {NULL, NULL}
};

static void pkg_create_searchers(lua_State *L) {
  static const lua_CFunction searchers[] = {pkg_searcher_preload, pkg_searcher_lua,
                                            pkg_searcher_c, pkg_searcher_croot, NULL};
  lua_createtable(L, 4, 0);
  for (int i = 0; searchers[i] != NULL; i++) {
    lua_pushvalue(L, -2); /* the package table is each searcher's upvalue */
    lua_pushcclosure(L, searchers[i], 1);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setfield(L, -2, "searchers");
}

static void pkg_create_clibs(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, PKG_CLIBS);
  lua_createtable(L, 0, 1);
  lua_pushcfunction(L, pkg_clibs_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  lua_pop(L, 1);
}

LUAMOD_API int luaopen_package(lua_State *L) {
  pkg_create_clibs(L);
  luaL_newlib(L, pkg_funcs);
  pkg_create_searchers(L);
  pkg_set_path(L, "path", "COVE_PATH", "LUA_PATH", PKG_PATH_DEFAULT);
  pkg_set_path(L, "cpath", "COVE_CPATH", "LUA_CPATH", PKG_CPATH_DEFAULT);
  lua_pushliteral(L, "/\n;\n?\n!\n-\n");
  lua_setfield(L, -2, "config");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_setfield(L, -2, "loaded");
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  lua_setfield(L, -2, "preload");
  lua_pushglobaltable(L);
  lua_pushvalue(L, -2);
  luaL_setfuncs(L, pkg_global_funcs, 1);
  lua_pop(L, 1);
  return 1;
}
