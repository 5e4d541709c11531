-- __tostring is used by print and tostring (not by concatenation or string.format %d).
local obj = setmetatable({}, {__tostring = function() return "OBJ" end})
print(obj, tostring(obj), string.format("%s", obj))
print(pcall(function() return "x" .. obj end))
print(select(2, pcall(error, obj)) == obj)
local count = 0
local counted = setmetatable({}, {__tostring = function() count = count + 1 return "c" .. count end})
print(counted, counted, tostring(counted))
