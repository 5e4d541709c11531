-- Runaway recursion through metamethods (__index calling itself, __call calling itself) is caught as
-- a stack overflow ("C stack overflow" or "stack overflow"), not a crash.
local t = setmetatable({}, {})
getmetatable(t).__index = function(self, k) return self[k .. "x"] end
local ok, msg = pcall(function() return t.a end)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil)
local src = {"return function(self) local "}
for i = 1, 120 do src[#src + 1] = "a" .. i .. (i < 120 and ", " or " = self\n") end
src[#src + 1] = "return (self()) end"
local c = setmetatable({}, {__call = load(table.concat(src))()})
ok, msg = pcall(c)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil)
