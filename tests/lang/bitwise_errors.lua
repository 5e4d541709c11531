-- Bitwise operations reject non-integral floats, strings and other types with Lua's messages.
local function try(f) print(pcall(f)) end
local x, s, t = 1.5, "7", {}
try(function() return x | 1 end)
try(function() return 1 & 2.5 end)
try(function() return s ~ 1 end)
try(function() return t << 1 end)
try(function() return ~t end)
try(function() return 1 >> nil end)
try(function() return math.huge | 0 end)
try(function() return (0/0) & 1 end)
try(function() return 2^63 ~ 1 end)
try(function() return ~1.5 end)
