-- Hash-table churn: a sliding window of live keys is inserted, looked up and deleted, with string
-- keys, integer keys scattered over a wide range and float keys; tables grow, shrink and rehash.
-- Prints hit and miss counts and a checksum of the values found (all exact integers).

local STEPS = 550000
local WINDOW = 5000

local seed = 777
local function rand(n)  -- Park-Miller minimal standard generator
  seed = (seed * 16807) % 2147483647
  return seed % n
end

local function churn_strings(steps)
  local t = {}
  local hits, misses, sum = 0, 0, 0
  for i = 1, steps do
    t["key" .. i] = i
    if i > WINDOW then t["key" .. (i - WINDOW)] = nil end
    local probe = "key" .. (i - rand(2 * WINDOW))
    local v = t[probe]
    if v then hits = hits + 1; sum = (sum + v) % 1000000007 else misses = misses + 1 end
  end
  local live = 0
  for _ in pairs(t) do live = live + 1 end
  return hits, misses, sum, live
end

local function churn_integers(steps)
  local t = {}
  local hits, misses, sum = 0, 0, 0
  local keys = {}
  for i = 1, steps do
    local k = rand(1000000000)  -- sparse: these all live in the hash part
    keys[i] = k
    t[k] = i
    if i > WINDOW then t[keys[i - WINDOW]] = nil end
    local v = t[keys[i - rand(i < 2 * WINDOW and i or 2 * WINDOW)]]
    if v then hits = hits + 1; sum = (sum + v) % 1000000007 else misses = misses + 1 end
  end
  return hits, misses, sum
end

local function churn_mixed(steps)
  -- A small table that keeps being emptied and refilled: exercises rehash with dead keys.
  local hits, sum = 0, 0
  local t = {}
  for i = 1, steps do
    local k = i % 64
    t[k + 0.5] = i
    t[k] = i
    if i % 64 == 0 then
      for j = 0, 63 do
        if t[j] and t[j + 0.5] then hits = hits + 1; sum = (sum + t[j]) % 1000000007 end
      end
      t = {}
    end
  end
  return hits, sum
end

local sh, sm, ss, live = churn_strings(STEPS)
print(string.format("strings: %d hits, %d misses, sum %d, %d live", sh, sm, ss, live))
local ih, im, is = churn_integers(STEPS)
print(string.format("integers: %d hits, %d misses, sum %d", ih, im, is))
local mh, ms = churn_mixed(STEPS)
print(string.format("mixed: %d hits, sum %d", mh, ms))
