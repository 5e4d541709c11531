-- A function with a to-be-closed variable returns its values after closing, even with many results.
local function closer(name) return setmetatable({}, {__close = function() io.write("[close ", name, "]") end}) end
local function many()
  local a <close> = closer("a")
  return 1, 2, 3, 4, 5
end
print(many())
local function nested()
  local a <close> = closer("outer")
  return (function() local b <close> = closer("inner") return "x", "y" end)()
end
print(nested())
