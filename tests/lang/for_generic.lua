-- Generic for: the iterator function, state and control variable protocol with hand-made iterators.
local function range(n)
  return function(limit, i) if i < limit then return i + 1 end end, n, 0
end
for i in range(4) do io.write(i, " ") end print()
local function pairs_sorted(t)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys)
  local i = 0
  return function() i = i + 1; if keys[i] ~= nil then return keys[i], t[keys[i]] end end
end
for k, v in pairs_sorted({b = 2, a = 1, c = 3}) do io.write(k, "=", v, " ") end print()
for a, b, c in function(_, x) if x < 2 then return x + 1, "b", "c" end end, nil, 0 do
  print(a, b, c)
end
local t = {}
for k, v in next, {10, 20} do t[#t + 1] = k .. ":" .. v end
print(table.concat(t, " "))
for w in string.gmatch("one two three", "%a+") do io.write("[", w, "]") end print()
