-- table.sort on many equal keys, already sorted/reverse inputs, and comparator receiving each pair
local t = {} for i = 1, 300 do t[i] = i % 3 end
table.sort(t) print(t[1], t[100], t[101], t[200], t[201], t[300])
t = {} for i = 1, 300 do t[i] = 301 - i end table.sort(t) print(t[1], t[150], t[300])
t = {} for i = 1, 300 do t[i] = i end table.sort(t, function(a, b) return a > b end) print(t[1], t[300])
local calls, bad = 0, 0
t = {5, 1, 4, 2, 3}
table.sort(t, function(a, b) calls = calls + 1 if a == nil or b == nil then bad = bad + 1 end return a < b end)
print(table.concat(t, ","), calls > 0, bad)
local words = {"pear", "Apple", "fig", "apple", "Fig"}
table.sort(words, function(a, b) return a:lower() < b:lower() or (a:lower() == b:lower() and a < b) end)
print(table.concat(words, " "))
print(pcall(table.sort, {1, 2, nil, 4}))
