-- A __newindex function that stores with rawset sees each key only once; tracking a proxy's writes.
local writes = {}
local t = setmetatable({}, {__newindex = function(tab, k, v) writes[#writes + 1] = tostring(k) rawset(tab, k, v) end})
t.a = 1; t.a = 2; t.b = 3; t[1] = 4; t[1] = 5
print(table.concat(writes, ","), t.a, t[1])
local backing = {}
local log = {}
local proxy = setmetatable({}, {
  __index = function(_, k) log[#log + 1] = "get " .. k return backing[k] end,
  __newindex = function(_, k, v) log[#log + 1] = "set " .. k backing[k] = v end,
})
proxy.x = 1; proxy.x = proxy.x + 1
print(backing.x, table.concat(log, ", "))
