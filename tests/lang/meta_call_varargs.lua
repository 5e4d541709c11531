-- __call receives all call arguments after the object, including nils and many values.
local obj = setmetatable({}, {__call = function(self, ...) return select('#', ...), ... end})
print(obj())
print(obj(nil))
print(obj(1, nil, 3))
local t = {}
for i = 1, 100 do t[i] = i end
print((obj(table.unpack(t))))
print(pcall(obj, "in pcall"))
local co = coroutine.wrap(function(...) return obj(...) end)
print(co("in coroutine", 2))
