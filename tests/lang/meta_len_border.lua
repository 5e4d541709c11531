-- '#' without __len returns a border; tables with __len may return any value.
local t = {1, 2, 3}
print(#t)
t[4] = 4
print(#t)
local mt_len = setmetatable({1, 2}, {__len = function(self) return rawlen(self) * 10 end})
print(#mt_len, rawlen(mt_len))
local with_index = setmetatable({}, {__index = function(_, i) return i end})
print(#with_index, with_index[5])
local nested = setmetatable({}, {__len = function() return 2, 3 end})
print(#nested)
local float_len = setmetatable({}, {__len = function() return 2.5 end})
print(#float_len)
