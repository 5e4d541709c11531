-- '#' on proper sequences built in different ways (constructor, appends, inserts, removals).
local t = {}
for i = 1, 100 do t[#t + 1] = i end
print(#t)
for i = 1, 50 do t[#t] = nil end
print(#t)
local u = {"a", "b", "c"}
table.insert(u, "d"); table.insert(u, 1, "z")
print(#u, table.concat(u))
table.remove(u); table.remove(u, 1)
print(#u, table.concat(u))
local s = {n = 3, "x", "y"}
print(#s)
print(#"", #"abc", #{{}, {}})
