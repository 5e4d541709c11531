-- inconsistent order functions end with an error or a permutation, never a hang
local function try(n, cmp)
  local t = {}
  for i = 1, n do t[i] = (i * 7) % n end
  local ok, err = pcall(table.sort, t, cmp)
  local sum = 0
  for i = 1, n do sum = sum + (t[i] or 0) end
  print(n, ok, err, sum)
end
try(10, function(a, b) return true end)
try(30, function(a, b) return true end)
try(90, function(a, b) return a <= b end)
try(15, function(a, b) return false end)
try(50, function(a, b) return (a + b) % 3 == 0 end)
