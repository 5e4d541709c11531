-- %q on nil and booleans; tables and functions have no literal form; no modifiers
print(string.format("%q %q %q", nil, true, false))
print(pcall(string.format, "%q", {}))
print(pcall(string.format, "%q", print))
print(pcall(string.format, "%q"))
print(pcall(string.format, "%10q", "x"))
print(pcall(string.format, "%-q", "x"))
print(pcall(string.format, "%.3q", 1))
print(pcall(string.format, "%q", setmetatable({}, {__tostring = function() return "x" end})))
