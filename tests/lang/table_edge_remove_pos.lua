-- table.remove: empty tables, position n+1, position 0 of an empty table, out-of-range errors
local t = {}
print(table.remove(t), #t)
print(table.remove(t, 0))
print(table.remove(t, 1))
print(pcall(table.remove, t, 2))
print(pcall(table.remove, t, -1))
t = {1, 2, 3}
print(table.remove(t, 4), #t)
print(pcall(table.remove, t, 5))
print(pcall(table.remove, t, 0))
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t), table.concat(t, ","))
print(pcall(table.remove, t, 1.5))
print(pcall(table.remove))
t = {[0] = "zero"}
print(table.remove(t, 0), t[0])
t = {n = 1, [5] = 5}
print(#t, table.remove(t), t[5])
