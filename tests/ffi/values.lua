-- testlib: booleans, float and double (also mixed with integers and with 18 arguments, some
-- passed on the stack), pointers and out-parameters through buffers, char* in and out,
-- NULL as nil, raw pointer reads/writes, an opaque struct, variadic functions, errno.
local ffi = require "ffi"
local T = ffi.open(os.getenv("FFI_TESTLIB"))

local is_even = T:func("bool is_even(int)")
local bool_not = T:func("_Bool bool_not(_Bool)")
print("bool", is_even(4), is_even(7), bool_not(true), bool_not(false))
print(pcall(bool_not, 1))
print(pcall(bool_not, nil))

local half_f = T:func("float half_f(float)")
print("half_f", half_f(3), half_f(0.1) == 0.05, half_f(-1e30))
print("mix", T:func("double mix(int a, float b, double c, int64_t d)")(1, 0.5, 0.25, 1 << 40))
local many = T:func("double many(int a, double b, int c, double d, int e, double f, int g, " ..
                    "double h, int i, double j, int k, double l, int m, double n, int o, " ..
                    "double p, int q, double r)")
print("many", many(1, 0.5, 2, 0.25, 3, 0.125, 4, 1.0, 5, 2.0, 6, 3.0, 7, 4.0, 8, 5.0, 9, 6.0))

-- out-parameters
local divmod = T:func("void divmod(int a, int b, int *quot, int *rem)")
local q, r = ffi.new("int"), ffi.new("int")
print("divmod", select("#", divmod(17, 5, q, r)), q[0], r[0])
divmod(-17, 5, q, r)
print("divmod", q[0], r[0])

-- arrays in, arrays filled
local sum_i32 = T:func("int64_t sum_i32(const int32_t *p, size_t n)")
local arr = ffi.new("int32_t", {1, 2, 3, 2147483647})
print("sum_i32", sum_i32(arr, #arr), sum_i32(arr:ptr(2), 2), sum_i32(arr:ptr(4), 0))
local u16 = ffi.new("uint16_t", 4)
T:func("void fill_u16(uint16_t p[], size_t n, uint16_t start)")(u16, #u16, 65534)
print("fill_u16", u16[0], u16[1], u16[2], u16[3])
local dot = T:func("double dot(const double *a, const double *b, int n)")
print("dot", dot(ffi.new("double", {1, 2, 3}), ffi.new("double", {4, 5, 6}), 3))

-- strings: const char* results become Lua strings, NULL becomes nil; a writable char*
-- parameter takes a buffer, never a (read-only) Lua string.
print("greet", T:func("const char *greet(void)")(), T:func("const char *no_string(void)")())
local upcase = T:func("char *upcase(char *s)")
local text = ffi.new("char", "Hello, World")
print("upcase", upcase(text), ffi.string(text), #text)
print(pcall(upcase, "abc"))
print("count_char", T:func("size_t count_char(const char *s, int c)")("banana", ("a"):byte()))

-- pointers: light userdata in and out, NULL <-> nil / ffi.null, buffers as their address
local same_ptr = T:func("void *same_ptr(void *p)")
local is_null = T:func("int is_null(const void *p)")
local cell = ffi.new("int")
print("same_ptr", same_ptr(nil), same_ptr(ffi.null), same_ptr(cell) == cell:ptr(),
      type(same_ptr(cell)))
print("is_null", is_null(nil), is_null(ffi.null), is_null(cell), is_null("const ok"))
print(pcall(same_ptr, "str"))
print(pcall(same_ptr, 42))
print(pcall(same_ptr, {}))
print(pcall(same_ptr, io.stdout))

-- raw reads and writes through a pointer C returned
local p = T:func("int *table_ptr(void)")()
print("read", ffi.read("int", p), ffi.read("int", p, 2))
ffi.write("int", p, 99, 3)
print("write", ffi.read("int", p, 3), T:func("int *table_ptr(void)")() == p)

-- an opaque struct, only behind pointers
local counter_new = T:func("struct counter *counter_new(int start)")
local counter_incr = T:func("int counter_incr(struct counter *c)")
local counter_free = T:func("void counter_free(struct counter *)")
local c = counter_new(5)
print("counter", counter_incr(c), counter_incr(c), type(c))
counter_free(c)

-- variadic: inferred (integers as long long) and declared (integers converted to double)
local vsum = T:func("long long vsum(int n, ...)")
print("vsum", vsum(3, 10, 20, 30), vsum(0), vsum(2, 1 << 40, -1))
print("vavg", T:func("double vavg(int n, ...)")(3, 1.0, 2.0, 4.5),
      T:func("double vavg(int n, ...)", "double", "double")(2, 1, 2),
      T:func("double vavg(int n, ...)", "float")(1, 0.5))

print("errno", T:func("int fail_with(int e)")(42), ffi.errno())

print("sizeof", ffi.sizeof("int8_t"), ffi.sizeof("short"), ffi.sizeof("int"),
      ffi.sizeof("long"), ffi.sizeof("size_t"), ffi.sizeof("float"), ffi.sizeof("double"),
      ffi.sizeof("void*"), ffi.sizeof("const char *"), ffi.sizeof("bool"))
