-- table.remove position checks
print(pcall(table.remove, {1, 2, 3}, 5))
print(pcall(table.remove, {1, 2, 3}, -1))
print(pcall(table.remove, {}, 2))
print(pcall(table.remove, {1}, "x"))
print(pcall(table.remove, nil))
print(pcall(table.remove, "s"))
