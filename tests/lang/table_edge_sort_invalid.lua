-- table.sort with inconsistent comparators never crashes; "invalid order function" when detected
local ok, err = pcall(table.sort, {5, 4, 3, 2, 1, 6, 7, 8, 9, 10, 11, 12}, function(a, b) return true end)
print(ok, err)
local t = {}
for i = 1, 100 do t[i] = (i * 37) % 101 end
ok = pcall(table.sort, t, function(a, b) return a <= b end)
print("lte done")
local n = 0
for i = 1, 100 do if t[i] then n = n + 1 end end
print(n)
local seen = {}
for i = 1, 100 do seen[t[i]] = true end
local c = 0 for _ in pairs(seen) do c = c + 1 end print(c)
