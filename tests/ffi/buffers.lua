-- ffi.new buffers: zero-filled, from a table or a string; 0-based get/set/[] with bounds
-- and value checks; :ptr/:size/:type/#; pointer elements; ffi.string; ffi.read/ffi.write
-- through buffers and raw pointers, bounds-checked when the address is a buffer.
local ffi = require "ffi"

local b = ffi.new("int16_t", 4)
print(tostring(b), #b, b:size(), b:type(), b[0], b:get(3))
b:set(0, -32768)
b[1] = 32767
print("set", b[0], b:get(1), b[2])
print(pcall(b.get, b, 4))
print(pcall(b.set, b, 0, 40000))
print(pcall(function() return b[-1] end))
print(pcall(function() b[0] = "x" end))
print(pcall(function() b.foo = 1 end))
print(pcall(b.get, b, 1.5))

local d = ffi.new("double", {1.5, 2, -3})
print("double", #d, d[0], d[1], d[2], d:size())
local f = ffi.new("float", {0.1})
print("float", #f, f[0])
local flags = ffi.new("bool", {true, false})
print("bool", flags[0], flags[1])
print(pcall(ffi.new, "uint8_t", {1, 256}))
print(pcall(ffi.new, "char", {200}))
print("default size", #ffi.new("int"), ffi.new("int")[0], #ffi.new("int", 0))

local s = ffi.new("char", "hi")
print("string init", #s, s[0], s[1], s[2], ffi.string(s))
print(pcall(ffi.new, "int", "hi"))
print(pcall(ffi.new, "int", -1))
print(pcall(ffi.new, "int", true))
print(pcall(ffi.new, "void"))

-- pointers: :ptr(i) is the address of element i (i = #b is one past the end)
print("ptr", ffi.read("int16_t", b:ptr(1)) == b[1], b:ptr(0) == b:ptr(), pcall(b.ptr, b, 5))
local ptrs = ffi.new("void*", 2)
ptrs[0] = b
print("void* elements", ptrs[0] == b:ptr(), ptrs[1])
print(pcall(function() ptrs[1] = "str" end))
print("char* elements", ffi.new("char*", {s})[0])

-- ffi.string
print("ffi.string", ffi.string(s, 2), ffi.string(s:ptr(1), 1), ffi.string(s:ptr(1)))
print("unterminated", ffi.string(ffi.new("char", {65, 66})),
      #ffi.string(ffi.new("char", "a\0b"), 3))
print(pcall(ffi.string, s, 10))
print(pcall(ffi.string, nil))
print(pcall(ffi.string, ffi.null))
print(pcall(ffi.string, s, -1))

-- ffi.read/ffi.write: index counts elements of the given type
b[0], b[1], b[2], b[3] = 1, 0, 2, 0
print("reinterpret", ffi.read("int32_t", b), ffi.read("int32_t", b, 1))
ffi.write("int16_t", b, -5, 3)
print("write", b[3], ffi.read("int16_t", b:ptr(3)))
print(pcall(ffi.read, "int16_t", b, 4))
print(pcall(ffi.read, "int64_t", b, 1))
print(pcall(ffi.read, "int", "abcd"))
print(pcall(ffi.read, "int", ffi.null))
print(pcall(ffi.write, "int16_t", b, 70000))
print(pcall(ffi.write, "void*", ptrs, "str"))
