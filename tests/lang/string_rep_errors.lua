-- string.rep: results too large and argument errors
print(pcall(string.rep, "x", math.maxinteger))
print(pcall(string.rep, "ab", 2^31))
print(pcall(string.rep, "x", 2^40, ","))
print(pcall(string.rep, "", 2^40, "x"))
print(pcall(string.rep, "x"))
print(pcall(string.rep, "x", 1.5))
print(pcall(string.rep, {}, 1))
print(pcall(string.rep, "x", 2, {}))
