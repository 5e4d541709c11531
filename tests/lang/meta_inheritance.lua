-- Metamethods are looked up raw in the metatable: an __index on the metatable does not supply them.
local base_mt = {__add = function() return "added" end}
local derived_mt = setmetatable({}, {__index = base_mt})
local obj = setmetatable({}, derived_mt)
print(derived_mt.__add ~= nil, pcall(function() return obj + 1 end))
local direct = setmetatable({}, base_mt)
print(direct + 1)
local mt = {}
local late = setmetatable({}, mt)
mt.__add = function() return "added late" end
print(late + 1)
