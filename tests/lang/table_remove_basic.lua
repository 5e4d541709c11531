-- table.remove from the end, the front, the middle and empty tables
local t = {"a", "b", "c", "d", "e"}
print(table.remove(t), #t)
print(table.remove(t, 1), table.concat(t, ","))
print(table.remove(t, 2), table.concat(t, ","))
print(table.remove({}))
print(table.remove({}, 0))
print(table.remove({}, 1))
local u = {1, 2, 3}
print(table.remove(u, 4), #u)
print(select("#", table.remove({})))
local w = {[0] = "zero"}
print(table.remove(w, 0), w[0])
local x = {n = 1}
while #x > 0 do table.remove(x) end
print(#x, x.n)
