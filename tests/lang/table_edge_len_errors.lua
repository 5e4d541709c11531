-- __len returning non-integers in table functions: error messages
local function mk(v) return setmetatable({}, { __len = function() return v end }) end
print(pcall(table.insert, mk("x"), 1))
print(pcall(table.insert, mk(1.5), 1))
print(pcall(table.concat, mk({})))
print(pcall(table.unpack, mk(nil)))
print(pcall(table.remove, mk(2.0)))
print(pcall(table.concat, mk(2.0), ","))
print(pcall(table.sort, mk("3")))
print(pcall(table.insert, mk(math.maxinteger), 1))
