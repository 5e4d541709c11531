-- __newindex fires only for absent keys; as a table it redirects the write, as a function it intercepts.
local log = {}
local t = setmetatable({existing = 1}, {__newindex = function(tab, k, v)
  log[#log + 1] = k; rawset(tab, k, v * 2)
end})
t.existing = 5
t.new = 10
t.new = 20
print(t.existing, t.new, table.concat(log, ","))
local store = {}
local proxy = setmetatable({}, {__newindex = store, __index = store})
proxy.a = 1
print(rawget(proxy, "a"), store.a, proxy.a)
local inner = setmetatable({}, {__newindex = function(_, k, v) print("inner set", k, v) end})
local outer = setmetatable({}, {__newindex = inner})
outer.z = 9
print(rawget(inner, "z"))
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only: " .. k, 2) end})
print(pcall(function() ro.x = 1 end))
