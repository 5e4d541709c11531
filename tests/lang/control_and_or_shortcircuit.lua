-- and/or short-circuit: the right operand is evaluated only when needed, and values pass through.
local log = {}
local function v(x) log[#log + 1] = tostring(x) return x end
local r1 = v(false) and v(1)
local r2 = v(nil) or v(2)
local r3 = v(3) or v(4)
local r4 = v(5) and v(6)
print(r1, r2, r3, r4, table.concat(log, ","))
local t = nil
print(t and t.x, t == nil or t.x)
local a = 1
local b = a > 0 and "pos" or "nonpos"
local c = a > 5 and false or "fallback"
print(b, c)
print(nil and nil, false or false, 0 and "zero is true")
