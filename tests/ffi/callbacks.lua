-- ffi.callback: Lua functions as C function pointers (libffi closures) called by testlib,
-- with every kind of argument and result; errors inside callbacks (deferred until the C
-- function returns, later invocations skipped), bad results, nesting, yields, :free(), GC.
local ffi = require "ffi"
local T = ffi.open(os.getenv("FFI_TESTLIB"))

local apply_twice = T:func("int apply_twice(int (*f)(int), int x)")
local inc = ffi.callback("int inc(int)", function(x) return x + 1 end)
local dbl = ffi.callback("int (int x)", function(x) return x * 2 end)
print("apply_twice", apply_twice(inc, 5), apply_twice(dbl, 5), apply_twice(inc:ptr(), 0))
print(tostring(inc), tostring(dbl))

-- each argument and result kind crosses in both directions
local call_i8 = T:func("int8_t call_i8(int8_t (*f)(int8_t), int8_t x)")
local call_u8 = T:func("uint8_t call_u8(uint8_t (*f)(uint8_t), uint8_t x)")
local call_u16 = T:func("uint16_t call_u16(uint16_t (*f)(uint16_t), uint16_t x)")
local call_i64 = T:func("int64_t call_i64(int64_t (*f)(int64_t, int64_t), int64_t a, int64_t b)")
local call_u64 = T:func("uint64_t call_u64(uint64_t (*f)(uint64_t), uint64_t x)")
local call_bool = T:func("bool call_bool(bool (*f)(int), int x)")
local call_float = T:func("float call_float(float (*f)(float, double), float x, double y)")
local seen = {}
local neg = ffi.callback("int8_t neg(int8_t)", function(x) seen[#seen + 1] = x; return -x end)
print("i8", call_i8(neg, 100), call_i8(neg, -127), table.concat(seen, " "))
print("u8", call_u8(ffi.callback("uint8_t (uint8_t)", function(x) return x + 55 end), 200))
print("u16", call_u16(ffi.callback("uint16_t (uint16_t)", function(x) return x end), 65535))
print("i64", call_i64(ffi.callback("int64_t (int64_t, int64_t)", function(a, b)
  return a * b
end), 1 << 32, 3))
local u64_arg
print("u64", call_u64(ffi.callback("uint64_t (uint64_t)", function(x)
  u64_arg = x
  return x
end), 2^63) == 2^63, u64_arg == 2^63, math.type(u64_arg))
local positive = ffi.callback("bool (int)", function(x) return x > 0 end)
print("bool", call_bool(positive, 3), call_bool(positive, -3))
print("float", call_float(ffi.callback("float (float, double)", function(x, y)
  return x * y
end), 1.5, 2))
local square = ffi.callback("double square(double)", function(x) return x * x end)
print("integrate", math.abs(T:func("double integrate(double (*f)(double), double a, " ..
                                   "double b, int n)")(square, 0, 3, 3000) - 9) < 1e-6)

-- strings and pointers as callback arguments and results
local words = {}
local w = {ffi.new("char", "alpha"), ffi.new("char", "beta"), ffi.new("char", "gamma")}
local each_word = T:func("int each_word(const char *const *words, int n, " ..
                         "void (*f)(const char *, int))")
print("each_word", each_word(ffi.new("const char*", w), 3,
  ffi.callback("void (const char *word, int i)", function(word, i)
    words[#words + 1] = i .. "=" .. word
  end)), table.concat(words, ","))
local cell = ffi.new("int")
local call_ptr = T:func("void *call_ptr(void *(*f)(void *), void *p)")
print("ptr", call_ptr(ffi.callback("void *(void *)", function(p) return p end), cell)
      == cell:ptr(), call_ptr(ffi.callback("void *(void *)", function(p) end), cell))
local call_str = T:func("const char *call_str(const char *(*f)(int), int x)")
print("str", call_str(ffi.callback("const char *(int)", function(x)
  return string.rep("ab", x)  -- a fresh string, kept alive until call_str returns
end), 3), call_str(ffi.callback("const char *(int)", function() return nil end), 0))
local count = 0
print("void", T:func("int count_calls(void (*f)(void), int n)")(
  ffi.callback("void tick(void)", function() count = count + 1 end), 5), count)

-- nested: a callback that itself makes ffi calls which call callbacks
local outer = ffi.callback("int outer(int)", function(x) return apply_twice(inc, x) end)
print("nested", apply_twice(outer, 1))

-- an error in a callback: C gets 0, later invocations in the same call are skipped, and
-- the error is raised (unchanged) once the C function has returned
local qsort = T:func("void qsort(void *, size_t, size_t, int (*)(const void *, const void *))")
local invoked = 0
local failing = ffi.callback("int cmp(const void *, const void *)", function()
  invoked = invoked + 1
  error("comparator failed")
end)
local arr = ffi.new("int32_t", {4, 3, 2, 1})
print(pcall(qsort, arr, #arr, 4, failing))
print("invoked once", invoked)
local ok, e = pcall(apply_twice, ffi.callback("int (int)", function() error({code = 7}) end), 1)
print(ok, type(e), e.code)
local inner_fail = ffi.callback("int (int)", function() error("inner", 0) end)
print(pcall(apply_twice, ffi.callback("int (int)", function(x)
  return apply_twice(inner_fail, x)
end), 1))
print("still usable", apply_twice(inc, 1))

-- bad results
print(pcall(apply_twice, ffi.callback("int bad(int)", function() return "x" end), 1))
print(pcall(apply_twice, ffi.callback("int none(int)", function() end), 1))
print(pcall(call_u8, ffi.callback("uint8_t big(uint8_t)", function() return 256 end), 1))
print(pcall(call_u8, ffi.callback("uint8_t half(uint8_t)", function() return 0.5 end), 1))

-- yielding inside a callback is an error (the C function cannot be suspended)
print(coroutine.wrap(function()
  return pcall(apply_twice, ffi.callback("int (int)", function(x)
    coroutine.yield(x)
    return x
  end), 1)
end)())

-- freeing, misuse, garbage collection
dbl:free()
print(tostring(dbl), pcall(apply_twice, dbl, 1))
print(pcall(dbl.ptr, dbl))
print(pcall(ffi.callback, "int (int)", 5))
print(pcall(ffi.callback, "int f(int, ...)", print))
for i = 1, 300 do ffi.callback("int (int)", function(x) return x + i end) end
collectgarbage()
collectgarbage()
print("after gc", apply_twice(ffi.callback("int (int)", function(x) return x - 1 end), 10),
      apply_twice(inc, 10))
