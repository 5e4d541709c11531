-- utf8.char range and type errors
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, 65, 0x80000000))
print(pcall(utf8.char, math.maxinteger))
print(pcall(utf8.char, math.mininteger))
print(pcall(utf8.char, "x"))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, 65, nil))
