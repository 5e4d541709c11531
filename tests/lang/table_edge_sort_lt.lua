-- table.sort with __lt on elements, mixed types, nil holes and comparator errors
local mt = { __lt = function(a, b) return a.v < b.v end }
local t = {}
for i, v in ipairs({5, 3, 9, 1, 7}) do t[i] = setmetatable({ v = v }, mt) end
table.sort(t)
for _, o in ipairs(t) do io.write(o.v, " ") end print()
table.sort(t, function(a, b) return a.v > b.v end)
for _, o in ipairs(t) do io.write(o.v, " ") end print()
print(pcall(table.sort, {3, "a", 1}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, 3}, 1))
print(pcall(table.sort, {3, 2, 1}, function() error("cmp boom") end))
local s = {"b", "a", "C", "B"} table.sort(s) print(table.concat(s, " "))
local f = {3.5, 1, -1/0, 2, 1/0, math.mininteger} table.sort(f)
for _, v in ipairs(f) do io.write(tostring(v), " ") end print()
local one = {1} table.sort(one) print(one[1])
table.sort({}) print("empty ok")
print(pcall(table.sort))
