-- A zero step is an error for integers and floats alike, raised before the first iteration.
print(pcall(function() for i = 1, 10, 0 do end end))
print(pcall(function() for i = 1, 10, 0.0 do end end))
print(pcall(function() for i = 1, 10, -0.0 do end end))
local count = 0
print(pcall(function() for i = 1, 0, 0 do count = count + 1 end end), count)
