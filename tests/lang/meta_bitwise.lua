-- Bitwise metamethods, including the unary __bnot and operands in either order.
local mt = {}
local function box(v) return setmetatable({v = v}, mt) end
local function val(x) return type(x) == "table" and x.v or x end
mt.__band = function(a, b) return box(val(a) & val(b)) end
mt.__bor = function(a, b) return box(val(a) | val(b)) end
mt.__bxor = function(a, b) return box(val(a) ~ val(b)) end
mt.__shl = function(a, b) return box(val(a) << val(b)) end
mt.__shr = function(a, b) return box(val(a) >> val(b)) end
mt.__bnot = function(a) return box(~val(a)) end
local x = box(12)
print((x & 10).v, (10 & x).v, (x | 3).v, (x ~ x).v, (x << 2).v, (1 << x).v, (x >> 2).v, (~x).v)
print(pcall(function() return 1.5 & x end))
local s = setmetatable({}, {__band = function() return "string meta" end})
print(s & "abc", "abc" & s)
