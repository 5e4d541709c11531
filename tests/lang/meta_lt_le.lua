-- __lt and __le define ordering; > and >= swap the operands; results convert to booleans.
local mt = {}
mt.__lt = function(a, b) return a.v < b.v end
mt.__le = function(a, b) return a.v <= b.v end
local function n(v) return setmetatable({v = v}, mt) end
local one, two = n(1), n(2)
print(one < two, one > two, one <= two, one >= two, two >= two)
local list = {n(3), n(1), n(2)}
table.sort(list)
print(list[1].v, list[2].v, list[3].v)
local only_lt = setmetatable({}, {__lt = function() return 1 end})
print(only_lt < only_lt)
print(pcall(function() return only_lt <= only_lt end))
print(pcall(function() return one < 1 end))
local mixed = setmetatable({}, {__lt = function(a, b) return type(a) == "number" end})
print(5 < mixed, mixed < 5)
