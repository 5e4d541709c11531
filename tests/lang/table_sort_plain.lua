-- table.sort without an order function on plain tables of integers or strings sorts the
-- table's array in place (vm/tabsort.c); every other table takes lua5.4's quicksort.
-- Both must give lua5.4's results, errors and '#' answers.
local seed = 7
local function rand(n) seed = (seed * 16807) % 2147483647; return seed % n end
local function check(t, what)
  for i = 2, #t do assert(not (t[i] < t[i - 1]), what) end
  local h = #t
  for i = 1, #t, math.max(1, #t // 50) do
    local v = t[i]
    if type(v) == "string" then v = #v * 131 + (v:byte(1) or 0) end
    h = (h * 31 + v) % 1000000007
  end
  print(what, #t, h, t[1], t[#t])
end

for _, n in ipairs({0, 1, 2, 3, 15, 16, 17, 100, 1000, 50000}) do
  local t = {}
  for i = 1, n do t[i] = rand(n // 3 + 1) - n // 6 end
  table.sort(t); check(t, "ints " .. n)
  local s = {}
  for i = 1, n do s[i] = tostring(rand(1000)) .. string.rep("x", rand(3)) end
  table.sort(s); check(s, "strings " .. n)
end
-- extremes, duplicates, already sorted, reversed, all equal
local e = {math.maxinteger, math.mininteger, 0, -1, 1, math.maxinteger, math.mininteger}
table.sort(e); print(table.concat(e, " "))
local up, down, same = {}, {}, {}
for i = 1, 3000 do up[i] = i; down[i] = 3001 - i; same[i] = 5 end
table.sort(up); table.sort(down); table.sort(same)
check(up, "sorted"); check(down, "reversed"); check(same, "equal")
-- strings with embedded zeros and empty strings
local z = {"a\0b", "a", "", "a\0a", "\0", "b", "a\0", "ab"}
table.sort(z)
for i, v in ipairs(z) do z[i] = string.format("%q", v) end
print(table.concat(z, " "))
-- floats, mixed numbers, mixed types: lua5.4's path
local f = {3.5, 1, 2.25, -0.0, 0, 7}
table.sort(f); print(table.concat(f, " "))
print(pcall(table.sort, {1, "2", 3}))
print(pcall(table.sort, {"a", 1}))
print(pcall(table.sort, {1, 2, {}}))
-- a metatable, holes, an order function: lua5.4's path
local m = setmetatable({5, 3, 9, 1}, {__index = function() return 0 end})
table.sort(m); print(table.concat(m, " "))
local lt = setmetatable({}, {__lt = function(a, b) return a.v < b.v end})
local objs = {}
for i = 1, 20 do objs[i] = setmetatable({v = rand(100)}, getmetatable(lt)) end
table.sort(objs)
local vs = {}
for i, o in ipairs(objs) do vs[i] = o.v end
print(table.concat(vs, " "))
local desc = {4, 8, 1, 9}
table.sort(desc, function(a, b) return a > b end); print(table.concat(desc, " "))
-- '#' after sorting a table with a hole beyond its border
local h = {}
for i = 1, 10 do h[i] = 11 - i end
h[14] = 1
print(#h)
table.sort(h)
print(#h, h[1], h[10], h[14])
-- a proxy whose length comes from __len: lua5.4's path through __index/__newindex
local store = {3, 1, 2}
local proxy = setmetatable({}, {__len = function() return #store end,
  __index = store, __newindex = store})
table.sort(proxy); print(table.concat(store, " "))
