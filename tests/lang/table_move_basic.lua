-- table.move within and across tables, overlapping both ways
local function show(t, n) local r = {} for i = 1, n do r[i] = tostring(t[i]) end return table.concat(r, " ") end
local a = {1, 2, 3, 4, 5}
table.move(a, 1, 3, 3)
print(show(a, 5))
a = {1, 2, 3, 4, 5}
table.move(a, 3, 5, 1)
print(show(a, 5))
local b = table.move({1, 2, 3}, 1, 3, 2, {})
print(show(b, 4))
print(table.move({}, 1, 0, 1) ~= nil)
local c = {}
local r = table.move({7, 8, 9}, 1, 3, 1, c)
print(r == c, show(c, 3))
local d = table.move({1, 2, 3}, 2, 1, 1)
print(show(d, 3))
local e = {}
table.move({[-2] = "x", [-1] = "y", [0] = "z"}, -2, 0, 1, e)
print(show(e, 3))
