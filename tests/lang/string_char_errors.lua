-- string.char range and type errors
print(pcall(string.char, 256))
print(pcall(string.char, -1))
print(pcall(string.char, 65, 300))
print(pcall(string.char, "x"))
print(pcall(string.char, 1.5))
print(pcall(string.char, math.mininteger))
print(pcall(function() return string.char(65, nil) end))
