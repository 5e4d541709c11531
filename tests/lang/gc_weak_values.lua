-- Weak-valued table: entries whose values are unreachable tables are removed; strings and numbers stay.
local cache = setmetatable({}, {__mode = "v"})
local strong = {}
local function fill()
  for i = 1, 10 do
    local v = {i}
    cache[i] = v
    if i <= 3 then strong[i] = v end
  end
end
fill()
cache.s = "a string value"
cache.n = 42
collectgarbage()
collectgarbage()
local n = 0
for k, v in pairs(cache) do if type(v) == "table" then n = n + 1 end end
print("table values left:", n, cache.s, cache.n)
print(cache[1][1], cache[2][1], cache[3][1])
