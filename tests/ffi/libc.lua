-- libc through the process handle (ffi.open()): strlen, getenv, snprintf (variadic types
-- inferred per call, and declared at bind time), qsort with a Lua comparator, strtol with a
-- char** out-parameter, memset/memcpy on buffers, range checks, errno.
local ffi = require "ffi"
local C = ffi.open()

local strlen = C:func("size_t strlen(const char *s)")
print("strlen", strlen("hello"), strlen(""), strlen("a\0b"), math.type(strlen("x")))

local getenv = C:func("char *getenv(const char *name)")
print("getenv", getenv("COVE_FFI_GREETING"), getenv("COVE_FFI_UNSET"))

-- Variadic, extra types from the Lua values: integer -> int64_t (%lld), float -> double,
-- string -> const char*, boolean -> int.
local snprintf = C:func("int snprintf(char *str, size_t size, const char *format, ...)")
local buf = ffi.new("char", 32)
local n = snprintf(buf, #buf, "%lld|%s|%.3f|%d", 42, "str", 2.5, true)
print("snprintf", n, ffi.string(buf))
print("truncated", snprintf(buf, 8, "%s", "abcdefghijkl"), ffi.string(buf))
print(pcall(snprintf, buf, #buf, "%p", {}))

-- Variadic with the extra types declared: the arity is fixed, values are checked.
local fmt3 = C:func("int snprintf(char *str, size_t size, const char *format, ...)",
                    "int", "double", "const char*")
print("declared", fmt3(buf, #buf, "<%5d|%-6.1f|%s>", -7, 1.5, "z"), ffi.string(buf))
print(pcall(fmt3, buf, #buf, "%d", 1))
print(pcall(fmt3, buf, #buf, "%d", 1, 2, "s", 4))
print(pcall(fmt3, buf, #buf, "%d", 2^31, 1.0, "s"))

-- qsort with a Lua comparator reading the elements through the pointers it gets.
local qsort = C:func("void qsort(void *base, size_t nmemb, size_t size, " ..
                     "int (*compar)(const void *, const void *))")
local arr = ffi.new("int32_t", {42, -7, 0, 2147483647, -2147483648, 13, 13, 5})
local calls = 0
local ascending = ffi.callback("int cmp(const void *a, const void *b)", function(a, b)
  calls = calls + 1
  local x, y = ffi.read("int32_t", a), ffi.read("int32_t", b)
  if x < y then return -1 elseif x > y then return 1 else return 0 end
end)
qsort(arr, #arr, ffi.sizeof("int32_t"), ascending)
local t = {}
for i = 0, #arr - 1 do t[#t + 1] = arr[i] end
print("qsort", table.concat(t, " "), calls >= #arr - 1)

local small = ffi.new("int32_t", {3, 1, 2, 5, 4})
qsort(small, #small, 4, ffi.callback("int (const void *, const void *)", function(a, b)
  return ffi.read("int32_t", b) - ffi.read("int32_t", a)
end))
print("descending", small[0], small[1], small[2], small[3], small[4])

-- strtol: a char** out-parameter, read back as a string.
local strtol = C:func("long strtol(const char *s, char **end, int base)")
local endp = ffi.new("char*", 1)
print("strtol", strtol(ffi.new("char", "  123abc"), endp, 10), endp:get(0))
print("strtol", strtol("ff", nil, 16), strtol("zz", ffi.null, 36))
print("ERANGE", strtol("99999999999999999999", nil, 10), ffi.errno())

-- memset/memcpy: buffers as void*, a Lua string as const void*.
local memset = C:func("void *memset(void *s, int c, size_t n)")
local memcpy = C:func("void *memcpy(void *dest, const void *src, size_t n)")
local bytes = ffi.new("uint8_t", 6)
print("memset returns its argument", memset(bytes, 0xAB, 4) == bytes:ptr())
print("bytes", bytes[0], bytes[3], bytes[4], bytes[5])
memcpy(bytes:ptr(2), "xyz", 3)
print("memcpy", ffi.string(bytes, 6) == "\xAB\xABxyz\0")

-- Argument conversion for int.
local abs = C:func("int abs(int)")
print("abs", abs(-5), abs(-3.0), abs(-2147483647))
print(pcall(abs, 2^31))
print(pcall(abs, 2147483648))
print(pcall(abs, 1.5))
print(pcall(abs, "5"))
print(pcall(abs, nil))
