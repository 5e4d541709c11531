-- Equal strings compare equal regardless of how they were built (short and long strings).
local a = "hello world"
local b = "hello " .. "world"
local c = string.format("%s %s", "hello", "world")
print(a == b, b == c, rawequal(a, c))
local long1 = string.rep("x", 100) .. "y"
local long2 = string.rep("x", 100) .. "y"
print(long1 == long2, rawequal(long1, long2))
local t = {}
t[long1] = 1
print(t[long2], t[string.rep("x", 100) .. "y"])
print("a\0b" == "a\0b", "a\0b" == "a\0c", #"a\0b")
