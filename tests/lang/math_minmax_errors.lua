-- argument errors in min and max
print(pcall(math.min))
print(pcall(math.max))
print(pcall(math.min, 1, "x"))
print(pcall(math.max, 1, 2, {}))
print(pcall(math.max, nil, 1))
print(pcall(math.max, "10", 9))
print(math.max({}) ~= nil)
