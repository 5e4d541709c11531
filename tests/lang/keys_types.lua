-- Keys of every type (strings, numbers, booleans, tables, functions) are distinct by value/identity.
local t = {}
local k1, k2 = {}, {}
local f = function() end
t[k1] = "table1"; t[k2] = "table2"; t[f] = "func"; t[true] = "yes"; t[false] = "no"
t["1"] = "string"; t[1] = "int"; t[1.5] = "float"
print(t[k1], t[k2], t[f], t[true], t[false], t["1"], t[1], t[1.5])
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n)
t[k1] = nil
n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[k1])
