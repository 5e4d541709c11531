-- __len overrides '#' for tables (not strings); rawlen bypasses it.
local t = setmetatable({1, 2, 3}, {__len = function(self) return 42 end})
print(#t, rawlen(t))
local weird = setmetatable({}, {__len = function() return "not a number" end})
print(#weird)
local counted = setmetatable({}, {__len = function(self) local n = 0 for _ in pairs(self) do n = n + 1 end return n end})
counted.a, counted.b = 1, 2
print(#counted)
print(#"abc", rawlen("abcd"))
print(pcall(function() return #nil end))
print(pcall(rawlen, 5))
