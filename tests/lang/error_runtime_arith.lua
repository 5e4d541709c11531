-- Arithmetic errors name the offending operand, including fields and constants.
local function try(f) local ok, m = pcall(f); print(m) end
local p = {x = 1}
try(function() return p.x + p.y end)
try(function() return p.y * 2 end)
try(function() local s = {}; return s + 1 end)
try(function() return nil_global - 1 end)
try(function() return -p end)
try(function() return p.x .. p end)
try(function() return "a" + 1 end)
try(function() return 2 ^ {} end)
try(function() return 1 < nil end)
try(function() return {} < 1 end)
try(function() return "a" < 1 end)
try(function() return 1 // 0 end)
try(function() return 1 % 0 end)
