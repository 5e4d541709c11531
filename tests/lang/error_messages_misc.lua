-- Assorted runtime messages: table index nil/NaN, string-to-number failures, concatenation.
local function try(f) local ok, m = pcall(f); print(m) end
try(function() local t = {}; t[nil] = 1 end)
try(function() local t = {}; t[0/0] = 1 end)
try(function() return {} .. "" end)
try(function() local a = "x"; local b = {}; return a .. b end)
try(function() return ("abc"):nomethod() end)
try(function() return tostring() end)
try(function() return setmetatable() end)
try(function() return ipairs() end)
try(function() return ("x"):rep(1, 2, 3) .. nil end)
local t = {}
print(pcall(rawset, t, 0/0, 1))
print(rawget(t, nil))
print(t[nil])
