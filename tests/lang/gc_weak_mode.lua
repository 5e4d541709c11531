-- __mode "kv" makes both sides weak; entries survive while their objects are referenced elsewhere.
local t = setmetatable({}, {__mode = "kv"})
local k1, v1 = {}, {}
t[k1] = v1
t[1] = {}
t[{}] = 1
collectgarbage()
collectgarbage()
local n = 0
for _ in pairs(t) do n = n + 1 end
print(n, t[k1] == v1, t[1] == nil)
print(getmetatable(t).__mode)
