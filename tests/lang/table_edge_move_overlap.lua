-- table.move: overlapping ranges in both directions, limits, errors
local function show(t, n) local o = {} for i = 1, n do o[i] = tostring(t[i]) end print(table.concat(o, ",")) end
local t = {1, 2, 3, 4, 5}
table.move(t, 1, 3, 2) show(t, 6)
t = {1, 2, 3, 4, 5}
table.move(t, 2, 5, 1) show(t, 5)
t = {1, 2, 3}
print(table.move(t, 1, 0, 5) == t)
print(pcall(table.move, {}, 1, math.maxinteger, 2))
print(pcall(table.move, {}, -1, math.maxinteger, 2))
print(pcall(table.move, {}, 1, 2, math.maxinteger))
print(pcall(table.move, {1}, 1, 1, 1, "x"))
print(pcall(table.move, {1}, 1, 1))
print(pcall(table.move, {1}, 1.5, 1, 1))
local d = table.move({"a", "b"}, 1, 2, 10, {}) print(d[10], d[11], #d)
print(table.move({7}, math.maxinteger, math.maxinteger, 1)[1])
