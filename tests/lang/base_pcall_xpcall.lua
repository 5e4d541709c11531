-- pcall/xpcall results, handlers, nesting
print(pcall(function(...) return ... end, 1, 2, 3))
print(pcall(function() end))
print(xpcall(function() error("boom") end, function(m) return "handled: " .. m end))
print(xpcall(function(a, b) return a + b end, print, 3, 4))
print(xpcall(function() error({}) end, function(m) return type(m) end))
print(pcall(pcall))
print(pcall(xpcall))
print(pcall(xpcall, print))
print(pcall(pcall, error, "inner"))
local depth = 0
local function handler(m) depth = depth + 1; return "h" .. depth .. ":" .. tostring(m) end
print(xpcall(function() local ok, e = pcall(error, "a"); error(e .. "b") end, handler))
print(select("#", pcall(function() return nil, nil end)))
print(pcall(nil))
print(pcall(42))
print(xpcall(nil, function(m) return "H:" .. m end))
