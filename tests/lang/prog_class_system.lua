-- A small class system: classes with inheritance, super calls, __tostring and isinstance checks.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.super = parent
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  return c
end
local function isinstance(o, c)
  local mt = getmetatable(o)
  while mt do
    if mt == c then return true end
    mt = mt.super
  end
  return false
end
local Animal = class()
function Animal:init(name) self.name = name end
function Animal:speak() return self.name .. " makes a sound" end
Animal.__tostring = function(self) return "Animal(" .. self.name .. ")" end
local Dog = class(Animal)
function Dog:init(name, breed) Animal.init(self, name); self.breed = breed end
function Dog:speak() return Animal.speak(self) .. ": woof" end
Dog.__tostring = function(self) return "Dog(" .. self.name .. ", " .. self.breed .. ")" end
local Puppy = class(Dog)
function Puppy:speak() return Dog.speak(self) .. " (tiny)" end
Puppy.__tostring = Dog.__tostring
local a, d, p = Animal.new("cat"), Dog.new("rex", "collie"), Puppy.new("bit", "pug")
for _, x in ipairs{a, d, p} do print(tostring(x), x:speak()) end
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(d, Puppy), isinstance(a, Dog))
print(p.breed, rawget(p, "speak"), Puppy.super == Dog)
