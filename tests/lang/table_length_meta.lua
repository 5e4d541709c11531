-- functions that need a length use __len; results respect it
local t = setmetatable({1, 2, 3, 4, 5}, {__len = function() return 2 end})
print(table.concat(t, ","))
print(table.unpack(t))
table.insert(t, "x")
print(rawget(t, 3))
print(table.remove(t))
print(pcall(table.concat, setmetatable({}, {__len = function() return "x" end})))
print(pcall(table.insert, setmetatable({}, {__len = function() return 1.5 end}), 1))
