-- A newline before '(' still continues a call expression in Lua 5.4 (no ambiguity error).
local function f(x) return function(y) return (x or 0) + (y or 0) end end
local g = f
(1)
print(type(g))
local r = f(1)
(2)
print(r)
local a = 1
local b = a;
(print)("semicolon separates")
