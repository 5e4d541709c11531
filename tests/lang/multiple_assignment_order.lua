-- Evaluation order is observable through __newindex and __index; log what the VM does.
local log = {}
local t = setmetatable({}, {__newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v) end})
local function val(v) log[#log + 1] = "eval " .. v; return v end
t.a, t.b = val(1), val(2)
print(table.concat(log, " "))
local a = {}
local k = 1
k, a[k] = k + 1, "x"
print(k, a[1], a[2])
local f = function(...) return ... end
local p, q = f(1, 2), f(3, 4)
print(p, q)
