-- Errors raised inside metamethods propagate with the metamethod's position.
local mt = {
  __index = function(t, k) error("no field " .. k) end,
  __add = function() error("cannot add", 2) end,
  __call = function() local x = nil; return x.y end,
}
local obj = setmetatable({}, mt)
print(pcall(function() return obj.missing end))
print(pcall(function() return obj + 1 end))
print(pcall(obj))
print(pcall(tostring, setmetatable({}, {__tostring = function() error("tostring failed") end})))
