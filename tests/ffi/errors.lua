-- Declaration errors, unknown symbols, libraries that cannot be opened, misuse of the
-- library object: each a Lua error with a clear message, never a crash. Also how the
-- module is registered (preloaded, not a global).
print("not a global", rawget(_G, "ffi"), package.preload.ffi ~= nil)
local ffi = require "ffi"
print("require caches", require("ffi") == ffi, package.loaded.ffi == ffi)
local C = ffi.open()

local function decl(d, ...) print(select(2, pcall(C.func, C, d, ...))) end
decl("int")
decl("int f(")
decl("int f(int")
decl("foo_t f(int)")
decl("int f(void, int)")
decl("int f(int) extra")
decl("long double f(void)")
decl("unsigned float f(void)")
decl("struct s f(void)")
decl("int f(int x[)")
decl("int f(int @)")
decl("int f(" .. string.rep("int, ", 32) .. "int)")
decl("int 3f(void)")
decl("size_t strlen(const char *)", "int")
decl("int printf(const char *, ...)", "wat")
decl("int printf(const char *, ...)", "void")

-- declarations that are fine: trailing ';', (void), parameter names, arrays, T**
print("ok", C:func("size_t strlen(const char *);")("abc"),
      C:func("int abs(int value)")(-1),
      (pcall(C.func, C, "long strtol(const char *restrict s, char **restrict end, int base)")))

-- unknown symbols: dlerror's "undefined symbol" is in the message
local ok, msg = pcall(C.func, C, "int no_such_function_xyz(void)")
print(ok, msg:match("^ffi: cannot find 'no_such_function_xyz': ") ~= nil,
      msg:match("undefined symbol: no_such_function_xyz") ~= nil)
ok, msg = pcall(C.sym, C, "no_such_symbol_xyz")
print(ok, msg:match("undefined symbol: no_such_symbol_xyz") ~= nil)
print("sym", type(C:sym("strlen")), C:sym("strlen") == C:sym("strlen"))

-- libraries
print(pcall(ffi.open, "libcove-no-such.so"))
print(pcall(ffi.open, {}))
print(tostring(C), tostring(ffi.open("libm.so.6")))
print(pcall(C.func, 5, "int f(void)"))
print(pcall(C.func, C))

-- types
print(pcall(ffi.sizeof, "int *x"))
print(pcall(ffi.sizeof, ""))
print(pcall(ffi.sizeof, "short long"))
print("sizeof", ffi.sizeof("unsigned long long"), ffi.sizeof("char[]"), ffi.sizeof("struct s *"))
