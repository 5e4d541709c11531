-- table.move limits
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 2))
print(pcall(table.move, {}, 1, 2, math.maxinteger))
print(pcall(table.move, {}, math.mininteger, -1, 1))
print(pcall(table.move, {}, 1, 2))
print(pcall(table.move, nil, 1, 2, 3))
print(pcall(table.move, {}, 1, 2, 3, 4))
print(pcall(table.move, {1}, "a", 1, 1))
