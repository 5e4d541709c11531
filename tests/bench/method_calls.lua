-- Method calls through metatables: a four-level class chain built with __index tables, methods
-- found at every depth, super calls, an __index function fallback, and __add/__eq/__lt/__call.
-- Prints integer checksums of the shapes' areas and perimeters.

local ITERATIONS = 900000

local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, { __index = parent }) end
  c.new = function(...)
    local obj = setmetatable({}, c)
    obj:init(...)
    return obj
  end
  return c
end

local Object = class()
function Object:init() self.id = 0 end
function Object:kind() return "object" end
function Object:tag() return 1 end

local Shape = class(Object)
function Shape:init(x, y)
  Object.init(self)
  self.x, self.y = x, y
end
function Shape:move(dx, dy) self.x = self.x + dx; self.y = self.y + dy; return self end
function Shape:area() return 0 end
function Shape:describe() return self:kind() .. ":" .. self:area() end

local Rect = class(Shape)
function Rect:init(x, y, w, h)
  Shape.init(self, x, y)
  self.w, self.h = w, h
end
function Rect:area() return self.w * self.h end
function Rect:perimeter() return 2 * (self.w + self.h) end
function Rect:kind() return "rect" end

local Square = class(Rect)
function Square:init(x, y, side) Rect.init(self, x, y, side, side) end
function Square:kind() return "square" end
function Square:perimeter() return 4 * self.w end

-- A vector type with arithmetic metamethods, and a lookup that falls back to a function.
local Vec = {}
Vec.__index = function(v, key)
  if key == "len1" then return (v.x < 0 and -v.x or v.x) + (v.y < 0 and -v.y or v.y) end
  return Vec[key]
end
Vec.__add = function(a, b) return setmetatable({ x = a.x + b.x, y = a.y + b.y }, Vec) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__lt = function(a, b) return a.len1 < b.len1 end
Vec.__call = function(v, k) return v.x * k + v.y end
local function vec(x, y) return setmetatable({ x = x, y = y }, Vec) end

local shapes = {}
for i = 1, 12 do
  if i % 3 == 0 then shapes[i] = Square.new(i, -i, i % 5 + 1)
  elseif i % 3 == 1 then shapes[i] = Rect.new(-i, i, i % 4 + 1, i % 6 + 2)
  else shapes[i] = Shape.new(i, i) end
end

local area, perimeter, moved, tags = 0, 0, 0, 0
local acc = vec(0, 0)
local less, equal = 0, 0
local step = vec(1, -1)
for i = 1, ITERATIONS do
  local s = shapes[i % 12 + 1]
  area = area + s:area()
  if s.perimeter then perimeter = perimeter + s:perimeter() end
  s:move(1, -1)
  moved = moved + s.x
  tags = tags + s:tag()
  acc = acc + step
  if vec(i % 7, 0) < vec(0, i % 5) then less = less + 1 end
  if vec(i % 3, 1) == vec(1, 1) then equal = equal + 1 end
end

print(string.format("area %d, perimeter %d, moved %d, tags %d", area, perimeter, moved, tags))
print(string.format("acc (%d, %d) len1 %d call %d, less %d, equal %d",
                    acc.x, acc.y, acc.len1, acc(3), less, equal))
print(shapes[3]:describe() .. " " .. shapes[4]:describe() .. " " .. shapes[5]:describe())
