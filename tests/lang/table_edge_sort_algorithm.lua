-- table.sort's exact algorithm on arrays of <= 100 items: order of equal keys, comparator call counts, where invalid orders are detected
local t = {} for i = 1, 60 do t[i] = (i * 37) % 61 end
table.sort(t, function(a, b) return a % 7 < b % 7 end)
print(table.concat(t, " "))
local calls = 0
t = {} for i = 1, 30 do t[i] = (i * 11) % 31 end
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
print(calls)
for _, n in ipairs({5, 10, 20, 50, 100}) do
  t = {} for i = 1, n do t[i] = (i * 13) % 17 end
  print(n, pcall(table.sort, t, function(a, b) return a <= b end))
  print(table.concat(t, " "))
end
t = {} for i = 1, 40 do t[i] = i end
print(pcall(table.sort, t, function(a, b) return true end))
print(table.concat(t, " "))
