-- table.insert at the end and at positions
local t = {}
table.insert(t, "a")
table.insert(t, "b")
table.insert(t, 1, "c")
table.insert(t, 2, "d")
table.insert(t, #t + 1, "e")
print(table.concat(t, " "), #t)
local u = {1, 2, 3}
table.insert(u, 4, 99)
print(table.concat(u, " "))
table.insert(u, 1, nil)
print(u[1], u[2], #u >= 5)
local v = {}
for i = 1, 10 do table.insert(v, 1, i) end
print(table.concat(v, ","))
