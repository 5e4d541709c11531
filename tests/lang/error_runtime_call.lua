-- "attempt to call" messages name the callee: global, local, method, field, upvalue.
local function try(f) local ok, m = pcall(f); print(m) end
try(function() no_such_function() end)
try(function() local f; f() end)
local obj = {}
try(function() obj:m() end)
try(function() obj.field() end)
local up = 5
try(function() up() end)
try(function() ("str")() end)
try(function() local t = {}; t[1]() end)
try(function() string.nope() end)
try(function() obj.x.y() end)
try(function() return #print end)
