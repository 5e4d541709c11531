-- `x - 0` with x = -0.0: lua5.4 adds the immediate 0 (giving +0.0); a float 0.0 subtracts.
local x = -0.0
print(x - 0, x - 0.0, x + 0, 0 - x, x - 1, x - -0)
local t = setmetatable({}, {__sub = function(a, b) return "sub", b end,
                            __add = function() return "add" end})
print(t - 0)
