-- table.insert writes through __newindex and reads __len
local log = {}
local store = {}
local proxy = setmetatable({}, {
  __index = function(_, k) return store[k] end,
  __newindex = function(_, k, v) log[#log + 1] = k .. "=" .. tostring(v); store[k] = v end,
  __len = function() return #store end,
})
table.insert(proxy, "a")
table.insert(proxy, "b")
table.insert(proxy, 1, "c")
print(table.concat(log, " "))
print(table.concat(store, ","))
-- a userdata-like value without the needed metamethods is rejected
print(pcall(table.insert, setmetatable({}, {}), 1))
local onlyindex = setmetatable({}, {__index = {}})
print(pcall(table.insert, onlyindex, 1))
