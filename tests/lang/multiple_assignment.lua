-- Multiple assignment evaluates all expressions before assigning; swap works without a temporary.
local a, b = 1, 2
a, b = b, a
print(a, b)
local t = {1, 2}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local x, y, z = (function() return 1, 2, 3 end)()
print(x, y, z)
x, y, z = 0, (function() return 1, 2, 3 end)()
print(x, y, z)
x, y, z = (function() return 1, 2, 3 end)(), 10
print(x, y, z)
x, y = 1
print(x, y)
local q = {}
q.a, q.b, q.a = 1, 2, 3
print(q.b)
