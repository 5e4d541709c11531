-- __eq is consulted only for two tables (or two userdata) that are not raw-equal; result is a boolean.
local calls = 0
local mt = {__eq = function(a, b) calls = calls + 1; return a.id == b.id end}
local a = setmetatable({id = 1}, mt)
local b = setmetatable({id = 1}, mt)
local c = setmetatable({id = 2}, mt)
print(a == b, a ~= b, a == c, a == a, calls)
print(a == 1, a == "1", a == nil, calls)
local plain = {id = 1}
print(a == plain, plain == a)
local truthy = setmetatable({}, {__eq = function() return "yes" end})
print(truthy == {}, truthy ~= {})
