-- Arithmetic metamethods, tried on the first operand and then the second (mixed operand order).
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
local function show(v) return type(v) == "table" and ("(" .. v.x .. "," .. v.y .. ")") or tostring(v) end
V.__add = function(a, b)
  if type(a) == "number" then return vec(a + b.x, a + b.y) end
  if type(b) == "number" then return vec(a.x + b, a.y + b) end
  return vec(a.x + b.x, a.y + b.y)
end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(a) == "number" then a, b = b, a end return vec(a.x * b, a.y * b) end
V.__div = function(a, b) return "div" end
V.__mod = function(a, b) return "mod" end
V.__pow = function(a, b) return "pow" end
V.__idiv = function(a, b) return "idiv" end
V.__unm = function(a) return vec(-a.x, -a.y) end
local a, b = vec(1, 2), vec(10, 20)
print(show(a + b), show(a + 1), show(1 + a), show(b - a), show(a * 3), show(3 * a))
print(a / b, a % 1, 2 ^ a, a // a, show(-a))
print(pcall(function() return a .. "x" end))
