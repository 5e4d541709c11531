-- getmetatable and setmetatable ignore __metatable and work on any type
local t = setmetatable({}, {__metatable = "locked"})
print(getmetatable(t), type(debug.getmetatable(t)))
print(debug.getmetatable("").__index == string)
print(debug.getmetatable(1))
local mt = {__index = function(n, k) return k * n end}
print(debug.setmetatable(5, mt))
print((3)[4])
debug.setmetatable(5, nil)
print(debug.getmetatable(5))
print(pcall(debug.setmetatable, {}, 1))
print(pcall(debug.getmetatable))
local u = {}
print(debug.setmetatable(u, {}) == u)
