-- table.sort on 10^6 items: integers from an LCG with the default order, the same
-- numbers as strings, and records sorted by a Lua comparator (two keys). Stresses the
-- library's quicksort, lua_geti/lua_seti traffic and calls of Lua order functions.
-- Prints sampled checksums of the sorted arrays (all exact integers).

local N = 1000000

local seed = 12345
local function rand()
  seed = (seed * 16807) % 2147483647  -- exact in doubles too (luajit)
  return seed
end

local function checksum(t, key)
  local h = #t
  for i = 1, #t, 997 do
    local v = t[i]
    if key then v = v[key] end
    if type(v) == "string" then v = #v * 131 + v:byte(1) * 7 + v:byte(-1) end
    h = (h * 31 + v) % 1000000007
  end
  return h
end

local nums = {}
for i = 1, N do nums[i] = rand() % 1000000 end
table.sort(nums)
for i = 2, N do assert(nums[i - 1] <= nums[i]) end
print("integers", checksum(nums))

local strs = {}
for i = 1, math.floor(N / 4) do strs[i] = tostring(rand() % 1000000) end
table.sort(strs)
print("strings", checksum(strs))

local recs = {}
for i = 1, math.floor(N / 4) do recs[i] = {k = rand() % 1000, id = i} end
table.sort(recs, function(a, b)
  if a.k ~= b.k then return a.k < b.k end
  return a.id > b.id
end)
print("records", checksum(recs, "k"), checksum(recs, "id"))
