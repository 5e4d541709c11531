-- Multiple assignment to table fields and globals, with calls on the right-hand side.
local t = {}
t.a, t.b, t.c = (function() return 1, 2, 3 end)()
print(t.a, t.b, t.c)
g1, g2 = "x"
print(g1, g2)
local arr = {1, 2, 3}
arr[1], arr[2], arr[3] = arr[3], arr[2], arr[1]
print(table.concat(arr, ","))
local i, j = 1, 2
arr[i], arr[j] = arr[j], arr[i]
print(table.concat(arr, ","))
