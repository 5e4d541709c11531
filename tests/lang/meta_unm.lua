-- __unm receives the operand twice (Lua passes it as both arguments); results may be any value.
local mt = {__unm = function(a, b) return rawequal(a, b) and "same" or "different" end}
local t = setmetatable({}, mt)
print(-t)
print(- -setmetatable({}, {__unm = function(a) return 5 end}))
print(pcall(function() return -{} end))
print(-"2", -"2.5", pcall(function() return -"abc" end))
