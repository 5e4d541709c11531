-- Runaway recursion through metamethods (__index calling itself) is also caught as a stack overflow.
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k .. "x"] end
local ok, msg = pcall(function() return t.a end)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil)
local c = setmetatable({}, {})
getmetatable(c).__call = function(self) return (self()) end
ok, msg = pcall(c)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil)
