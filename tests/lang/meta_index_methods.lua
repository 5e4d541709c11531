-- Method calls through __index: obj:method() looks up the method once and passes obj as self.
local lookups = 0
local methods = {greet = function(self, who) return self.name .. " greets " .. who end}
local obj = setmetatable({name = "obj"}, {__index = function(t, k) lookups = lookups + 1 return methods[k] end})
print(obj:greet("you"), lookups)
print(pcall(function() return obj:missing() end))
local s = "text"
print(s:upper(), ("%s!"):format(s))
string.shout = function(str) return str:upper() .. "!" end
print(s:shout())
string.shout = nil
print(pcall(function() return s:shout() end))
