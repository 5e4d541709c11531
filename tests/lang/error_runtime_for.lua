-- Numeric for loop errors: bad initial value, limit and step, and a zero step.
local function try(f) local ok, m = pcall(f); print(m) end
try(function() for i = "a", 2 do end end)
try(function() for i = 1, {} do end end)
try(function() for i = 1, 2, nil do end end)
try(function() for i = 1, 10, 0 do end end)
try(function() for i = 1.0, 10, 0.0 do end end)
try(function() for i = nil, 1 do end end)
try(function() for i = "1", 2 do print("string init?", i) end end)
try(function() for k in 42 do end end)
try(function() for k in nil do end end)
