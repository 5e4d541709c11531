-- table functions honour __index/__newindex/__len (5.4 behaviour)
local log = {}
local proxy = setmetatable({}, {
  __len = function() return 3 end,
  __index = function(_, k) log[#log + 1] = "get" .. k return k * 10 end,
  __newindex = function(_, k, v) log[#log + 1] = "set" .. k .. "=" .. tostring(v) end,
})
print(table.concat(proxy, ","))
print(table.unpack(proxy))
table.insert(proxy, "x")
print(table.concat(log, " ")) log = {}
table.insert(proxy, 1, "y")
print(table.concat(log, " ")) log = {}
print(table.remove(proxy))
print(table.concat(log, " ")) log = {}
print(table.remove(proxy, 1))
print(table.concat(log, " ")) log = {}
local dst = setmetatable({}, { __newindex = function(t, k, v) rawset(t, k, v * 2) end })
table.move({1, 2, 3}, 1, 3, 1, dst)
print(dst[1], dst[2], dst[3])
