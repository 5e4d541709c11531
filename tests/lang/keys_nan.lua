-- NaN cannot be a key: assigning raises "table index is NaN"; reading gives nil.
local t = {}
local nan = 0/0
print(pcall(function() t[nan] = 1 end))
print(pcall(rawset, t, nan, 1))
print(t[nan], rawget(t, nan))
print(pcall(function() t[nil] = 1 end))
print(t[nil])
local mt_t = setmetatable({}, {__newindex = function(_, k, v) print("newindex sees", k ~= k) end})
mt_t[nan] = 1
