/* The os library (luaopen_os): time and dates, processes, environment, files by name,
 * locale. Written against the public C API with POSIX underneath; results and error
 * messages follow lua5.4 (os.date accepts exactly the C99 strftime conversions lua5.4
 * accepts, and os.time normalises the table it is given). */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

static int os_execute(lua_State *L) {
  const char *cmd = luaL_optstring(L, 1, NULL);
  errno = 0;
  int stat = system(cmd);
  if (cmd != NULL) return luaL_execresult(L, stat);
  lua_pushboolean(L, stat); /* no command: is a shell available? */
  return 1;
}

static int os_remove(lua_State *L) {
  const char *filename = luaL_checkstring(L, 1);
  return luaL_fileresult(L, remove(filename) == 0, filename);
}

static int os_rename(lua_State *L) {
  const char *from = luaL_checkstring(L, 1);
  const char *to = luaL_checkstring(L, 2);
  return luaL_fileresult(L, rename(from, to) == 0, NULL); /* lua5.4 names no file here */
}

/* A fresh, already created file name: mkstemp makes it race-free. */
static int os_tmpname(lua_State *L) {
  char name[32];
  strcpy(name, "/tmp/lua_XXXXXX");
  int fd = mkstemp(name);
  if (fd == -1) return luaL_error(L, "unable to generate a unique filename");
  close(fd);
  lua_pushstring(L, name);
  return 1;
}

static int os_getenv(lua_State *L) {
  lua_pushstring(L, getenv(luaL_checkstring(L, 1))); /* NULL pushes nil */
  return 1;
}

static int os_clock(lua_State *L) {
  lua_pushnumber(L, (lua_Number)clock() / (lua_Number)CLOCKS_PER_SEC);
  return 1;
}

/* ---- dates ---- */

static void os_set_field(lua_State *L, const char *key, int value, int delta) {
  lua_pushinteger(L, (lua_Integer)value + delta);
  lua_setfield(L, -2, key);
}

/* Fills the table on the top with the broken-down time, in Lua's conventions
 * (1-based months and days of the week/year, full year). */
static void os_set_all_fields(lua_State *L, const struct tm *stm) {
  os_set_field(L, "year", stm->tm_year, 1900);
  os_set_field(L, "month", stm->tm_mon, 1);
  os_set_field(L, "day", stm->tm_mday, 0);
  os_set_field(L, "hour", stm->tm_hour, 0);
  os_set_field(L, "min", stm->tm_min, 0);
  os_set_field(L, "sec", stm->tm_sec, 0);
  os_set_field(L, "yday", stm->tm_yday, 1);
  os_set_field(L, "wday", stm->tm_wday, 1);
  if (stm->tm_isdst >= 0) { /* negative: the information is not available */
    lua_pushboolean(L, stm->tm_isdst);
    lua_setfield(L, -2, "isdst");
  }
}

/* Reads integer field 'key' of the table on the top, minus 'delta'. A missing field
 * takes default d; d < 0 means the field is required. */
static int os_get_field(lua_State *L, const char *key, int d, int delta) {
  int isnum;
  int type = lua_getfield(L, -1, key);
  lua_Integer res = lua_tointegerx(L, -1, &isnum);
  if (!isnum) {
    if (type != LUA_TNIL) return luaL_error(L, "field '%s' is not an integer", key);
    if (d < 0) return luaL_error(L, "field '%s' missing in date table", key);
    res = d;
  } else {
    /* the result must fit in a C int after subtracting delta */
    if (!(res >= 0 ? res - delta <= INT_MAX : INT_MIN + delta <= res))
      return luaL_error(L, "field '%s' is out-of-bound", key);
    res -= delta;
  }
  lua_pop(L, 1);
  return (int)res;
}

static int os_get_bool_field(lua_State *L, const char *key) {
  int res = lua_getfield(L, -1, key) == LUA_TNIL ? -1 : lua_toboolean(L, -1);
  lua_pop(L, 1);
  return res;
}

static time_t os_check_time(lua_State *L, int arg) {
  lua_Integer t = luaL_checkinteger(L, arg);
  luaL_argcheck(L, (time_t)t == t, arg, "time out-of-bounds");
  return (time_t)t;
}

/* The strftime conversions lua5.4 accepts (C99): one-letter ones, then after "||"
 * the two-letter E and O modifiers. */
static const char os_strftime_options[] =
  "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
  "||" "EcECExEXEyEY" "OdOeOHOIOmOMOSOuOUOVOwOWOy";

/* Largest output of one conversion. */
#define OS_TIMEFMT_SIZE 250

/* Copies the conversion at 'conv' (after the '%') into buff as "%X" and returns the
 * position after it; an unknown conversion is an argument error naming the rest of
 * the format, as lua5.4 reports it. */
static const char *os_check_option(lua_State *L, const char *conv, ptrdiff_t convlen,
                                   char *buff) {
  const char *option = os_strftime_options;
  int oplen = 1;
  for (; *option != '\0' && oplen <= convlen; option += oplen) {
    if (*option == '|') {
      oplen++; /* a '|' starts the block of options one character longer */
    } else if (memcmp(conv, option, (size_t)oplen) == 0) {
      memcpy(buff, conv, (size_t)oplen);
      buff[oplen] = '\0';
      return conv + oplen;
    }
  }
  luaL_argerror(L, 1, lua_pushfstring(L, "invalid conversion specifier '%%%s'", conv));
  return conv;
}

static int os_date(lua_State *L) {
  size_t slen;
  const char *s = luaL_optlstring(L, 1, "%c", &slen);
  time_t t = lua_isnoneornil(L, 2) ? time(NULL) : os_check_time(L, 2);
  const char *end = s + slen;
  struct tm tmr, *stm;
  if (*s == '!') {
    stm = gmtime_r(&t, &tmr);
    s++;
  } else {
    stm = localtime_r(&t, &tmr);
  }
  if (stm == NULL)
    return luaL_error(L, "date result cannot be represented in this installation");
  if (strcmp(s, "*t") == 0) {
    lua_createtable(L, 0, 9);
    os_set_all_fields(L, stm);
    return 1;
  }
  char cc[4];
  cc[0] = '%';
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  while (s < end) {
    if (*s != '%') {
      luaL_addchar(&b, *s++);
    } else {
      char *buff = luaL_prepbuffsize(&b, OS_TIMEFMT_SIZE);
      s++;
      s = os_check_option(L, s, end - s, cc + 1);
      size_t reslen = strftime(buff, OS_TIMEFMT_SIZE, cc, stm);
      luaL_addsize(&b, reslen);
    }
  }
  luaL_pushresult(&b);
  return 1;
}

static int os_time(lua_State *L) {
  time_t t;
  if (lua_isnoneornil(L, 1)) {
    t = time(NULL);
  } else {
    struct tm ts;
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    memset(&ts, 0, sizeof ts);
    ts.tm_year = os_get_field(L, "year", -1, 1900);
    ts.tm_mon = os_get_field(L, "month", -1, 1);
    ts.tm_mday = os_get_field(L, "day", -1, 0);
    ts.tm_hour = os_get_field(L, "hour", 12, 0);
    ts.tm_min = os_get_field(L, "min", 0, 0);
    ts.tm_sec = os_get_field(L, "sec", 0, 0);
    ts.tm_isdst = os_get_bool_field(L, "isdst");
    t = mktime(&ts);
    os_set_all_fields(L, &ts); /* write back the normalised fields */
  }
  if (t == (time_t)-1)
    return luaL_error(L, "time result cannot be represented in this installation");
  lua_pushinteger(L, (lua_Integer)t);
  return 1;
}

static int os_difftime(lua_State *L) {
  time_t t1 = os_check_time(L, 1);
  time_t t2 = os_check_time(L, 2);
  lua_pushnumber(L, (lua_Number)difftime(t1, t2));
  return 1;
}

static int os_setlocale(lua_State *L) {
  static const int categories[] = {LC_ALL, LC_COLLATE, LC_CTYPE, LC_MONETARY, LC_NUMERIC,
                                   LC_TIME};
  static const char *const names[] = {"all", "collate", "ctype", "monetary", "numeric",
                                      "time", NULL};
  const char *locale = luaL_optstring(L, 1, NULL);
  int op = luaL_checkoption(L, 2, "all", names);
  lua_pushstring(L, setlocale(categories[op], locale));
  return 1;
}

/* exit() flushes and closes C streams, so buffered stdout output is not lost. */
static int os_exit(lua_State *L) {
  int status;
  if (lua_isboolean(L, 1))
    status = lua_toboolean(L, 1) ? EXIT_SUCCESS : EXIT_FAILURE;
  else
    status = (int)luaL_optinteger(L, 1, EXIT_SUCCESS);
  if (lua_toboolean(L, 2)) lua_close(L);
  exit(status);
  return 0;
}

static const luaL_Reg os_funcs[] = {
  {"clock", os_clock},
  {"date", os_date},
  {"difftime", os_difftime},
  {"execute", os_execute},
  {"exit", os_exit},
  {"getenv", os_getenv},
  {"remove", os_remove},
  {"rename", os_rename},
  {"setlocale", os_setlocale},
  {"time", os_time},
  {"tmpname", os_tmpname},
  {NULL, NULL}
};

LUAMOD_API int luaopen_os(lua_State *L) {
  luaL_newlib(L, os_funcs);
  return 1;
}
