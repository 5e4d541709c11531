-- table.sort error cases
print(pcall(table.sort, {3, 1, "x"}))
print(pcall(table.sort, {1, 2, 3}, 42))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, nil))
print(pcall(table.sort, {1, nil, 3}))
local t = setmetatable({}, {__len = function() return math.maxinteger end, __index = function() return 1 end, __newindex = function() end})
print(pcall(table.sort, t))
print(pcall(table.sort, {1, 2, 3}, function(a, b) error("boom") end))
