/* Build-time configuration of Cove's public Lua 5.4 API: the numeric types, their
 * formats and conversions, limits that appear in the API (stack size, id size, buffer
 * size) and the default module search paths. Values match a stock 64-bit Linux Lua 5.4
 * build so that C modules compiled against lua5.4's headers load into cove unchanged.
 * Included by lua.h; includes only the C standard library. */
#ifndef luaconf_h
#define luaconf_h

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <float.h>

/* ---- platform selection (Linux only; kept for modules that test these) ---- */
#define LUA_USE_LINUX
#define LUA_USE_POSIX
#define LUA_USE_DLOPEN

#define LUAI_IS32INT ((UINT_MAX >> 30) >= 3)

/* Codes for the numeric types, as lua5.4 defines them; Cove uses long long + double. */
#define LUA_INT_INT 1
#define LUA_INT_LONG 2
#define LUA_INT_LONGLONG 3
#define LUA_FLOAT_FLOAT 1
#define LUA_FLOAT_DOUBLE 2
#define LUA_FLOAT_LONGDOUBLE 3

#define LUA_32BITS 0
#define LUA_C89_NUMBERS 0
#define LUA_INT_TYPE LUA_INT_LONGLONG
#define LUA_FLOAT_TYPE LUA_FLOAT_DOUBLE

/* ---- search paths used by package.path / package.cpath ---- */
#define LUA_PATH_SEP ";"
#define LUA_PATH_MARK "?"
#define LUA_EXEC_DIR "!"
#define LUA_DIRSEP "/"
#define LUA_IGMARK "-"

#define LUA_VDIR "5.4"
#define LUA_ROOT "/usr/local/"
#define LUA_LDIR LUA_ROOT "share/lua/" LUA_VDIR "/"
#define LUA_CDIR LUA_ROOT "lib/lua/" LUA_VDIR "/"
#define LUA_PATH_DEFAULT \
  LUA_LDIR "?.lua;" LUA_LDIR "?/init.lua;" LUA_CDIR "?.lua;" LUA_CDIR "?/init.lua;" \
  "./?.lua;" "./?/init.lua"
#define LUA_CPATH_DEFAULT LUA_CDIR "?.so;" LUA_CDIR "loadall.so;" "./?.so"

/* ---- linkage of API functions ---- */
#define LUA_API extern
#define LUALIB_API LUA_API
#define LUAMOD_API LUA_API
#define LUAI_FUNC extern
#define LUAI_DDEC(dec) LUAI_FUNC dec
#define LUAI_DDEF /* empty */

/* ---- floating-point type: double ---- */
#define LUA_NUMBER double
#define l_floatatt(n) (DBL_##n)
#define LUAI_UACNUMBER double
#define LUA_NUMBER_FRMLEN ""
#define LUA_NUMBER_FMT "%.14g"
#define l_mathop(op) op
#define lua_str2number(s, p) strtod((s), (p))
#define l_floor(x) (l_mathop(floor)(x))
#define l_sprintf(s, sz, f, i) snprintf(s, sz, f, i)
#define lua_number2str(s, sz, n) \
  l_sprintf((s), sz, LUA_NUMBER_FMT, (LUAI_UACNUMBER)(n))

/* Converts float n to integer *p when it is in range (no rounding: callers floor first).
 * The bounds are exact powers of two, so the comparison itself never rounds. */
#define lua_numbertointeger(n, p) \
  ((n) >= (LUA_NUMBER)(LUA_MININTEGER) && \
   (n) < -(LUA_NUMBER)(LUA_MININTEGER) && \
   (*(p) = (LUA_INTEGER)(n), 1))

/* ---- integer type: long long ---- */
#define LUA_INTEGER long long
#define LUA_INTEGER_FRMLEN "ll"
#define LUA_MAXINTEGER LLONG_MAX
#define LUA_MININTEGER LLONG_MIN
#define LUA_MAXUNSIGNED ULLONG_MAX
#define LUA_INTEGER_FMT "%" LUA_INTEGER_FRMLEN "d"
#define LUAI_UACINT LUA_INTEGER
#define lua_integer2str(s, sz, n) \
  l_sprintf((s), sz, LUA_INTEGER_FMT, (LUAI_UACINT)(n))
#define LUA_UNSIGNED unsigned LUAI_UACINT

/* ---- other type choices ---- */
#define lua_number2strx(L, b, sz, f, n) \
  ((void)L, l_sprintf(b, sz, f, (LUAI_UACNUMBER)(n)))
#define lua_pointer2str(buff, sz, p) l_sprintf(buff, sz, "%p", p)
#define lua_strx2number(s, p) lua_str2number(s, p)
#define lua_getlocaledecpoint() ('.')
#define LUA_KCONTEXT intptr_t

#if defined(__GNUC__)
#define luai_likely(x) (__builtin_expect(((x) != 0), 1))
#define luai_unlikely(x) (__builtin_expect(((x) != 0), 0))
#else
#define luai_likely(x) (x)
#define luai_unlikely(x) (x)
#endif
#define l_likely(x) luai_likely(x)
#define l_unlikely(x) luai_unlikely(x)

/* ---- limits visible through the API ---- */
/* Largest stack a thread may have; also fixes LUA_REGISTRYINDEX. */
#define LUAI_MAXSTACK 1000000
/* Bytes reserved in front of each lua_State for the host (lua_getextraspace). */
#define LUA_EXTRASPACE (sizeof(void *))
/* Room for a chunk's "short source" in error messages and lua_Debug.short_src. */
#define LUA_IDSIZE 60
/* Initial size of a luaL_Buffer's inline storage (1024 bytes on 64-bit). */
#define LUAL_BUFFERSIZE ((int)(16 * sizeof(void *) * sizeof(lua_Number)))
/* Fields that, placed in a union, give it the strictest alignment any Lua value needs. */
#define LUAI_MAXALIGN lua_Number n; double u; void *s; lua_Integer i; long l

/* API argument checking is off, as in a default lua5.4 build. */
#if defined(LUA_USE_APICHECK)
#include <assert.h>
#define luai_apicheck(l, e) assert(e)
#endif

#endif
