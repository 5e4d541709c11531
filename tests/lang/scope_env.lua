-- Globals are fields of _ENV; a local _ENV redirects global access inside its scope.
x = 10
print(_ENV.x, _G.x, _ENV == _G)
do
  local _ENV = {print = print, y = 5}
  print(x, y)
  z = 1
  print(z)
end
print(z, rawget(_G, "z"))
local function with_env()
  local _ENV = setmetatable({}, {__index = _G})
  w = 3
  return w, _G.w
end
print(with_env())
local f = load("return a + b", "=env", "t", {a = 1, b = 2})
print(f())
