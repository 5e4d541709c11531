-- string.byte argument errors
print(pcall(string.byte))
print(pcall(string.byte, {}))
print(pcall(string.byte, "abc", "x"))
print(pcall(string.byte, "abc", 1.5))
print(pcall(string.byte, "abc", 1, {}))
print(pcall(function() return ("abc"):byte(nil, 2.5) end))
