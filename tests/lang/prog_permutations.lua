-- Permutations generated with coroutines (Heap-style recursion yielding each arrangement).
local function permgen(a, n)
  n = n or #a
  if n <= 1 then coroutine.yield(a)
  else
    for i = 1, n do
      a[n], a[i] = a[i], a[n]
      permgen(a, n - 1)
      a[n], a[i] = a[i], a[n]
    end
  end
end
local function permutations(a)
  return coroutine.wrap(function() permgen(a) end)
end
for p in permutations({"a", "b", "c"}) do print(table.concat(p)) end
local count, seen = 0, {}
for p in permutations({1, 2, 3, 4, 5}) do
  count = count + 1
  seen[table.concat(p)] = true
end
local distinct = 0
for _ in pairs(seen) do distinct = distinct + 1 end
print(count, distinct)
