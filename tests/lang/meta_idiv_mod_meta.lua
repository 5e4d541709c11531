-- __idiv and __mod receive the original operands; integer division by zero only errors without them.
local mt = {
  __idiv = function(a, b) return "idiv(" .. tostring(type(a) == "table" and a.v or a) .. "," .. tostring(type(b) == "table" and b.v or b) .. ")" end,
  __mod = function(a, b) return "mod" end,
  __div = function(a, b) return "div" end,
}
local z = setmetatable({v = 0}, mt)
print(1 // z, z // 0, z % 0, 1 / z)
print(pcall(function() return 1 // 0 end))
