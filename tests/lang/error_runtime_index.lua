-- "attempt to index" messages name the variable: global, local, field, upvalue, method, constant.
local function try(f) local ok, m = pcall(f); print(m) end
try(function() return undefined_global.x end)
try(function() local loc; return loc.x end)
local up
try(function() return up.x end)
local t = {}
try(function() return t.a.b end)
try(function() return t.a.b.c end)
try(function() return t[1].x end)
try(function() local s = "str"; return s.x.y end)
try(function() t.x.y = 1 end)
try(function() undefined_global.field = 1 end)
try(function() return (nil).x end)
try(function() local a = {b = {}}; return a.b.c.d end)
