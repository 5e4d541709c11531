-- pcall returns true plus all results on success, and catches errors from C functions too.
print(pcall(function(...) return ... end, 1, nil, 3))
print(select('#', pcall(function() end)))
print(pcall(string.rep))
print(pcall(math.floor, "x"))
print(pcall(setmetatable, 1))
print(pcall(string.char, 256))
print(pcall(table.concat, {{}}))
