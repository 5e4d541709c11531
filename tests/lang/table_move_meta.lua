-- table.move uses __index on the source and __newindex on the destination
local src = setmetatable({}, {__index = function(_, k) return k * 10 end})
local log = {}
local dst = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k .. ":" .. v; rawset(t, k, v) end})
table.move(src, 1, 4, 2, dst)
print(table.concat(log, " "))
print(dst[2], dst[5])
