-- __concat is used when either operand is not a string or number; chains are right-associative.
local mt = {__concat = function(a, b)
  local function s(x) if type(x) == "table" then return x.name or "anon" end return tostring(x) end
  return setmetatable({name = s(a) .. "+" .. s(b)}, getmetatable(type(a) == "table" and a or b))
end}
local A = setmetatable({name = "A"}, mt)
local B = setmetatable({name = "B"}, mt)
print((A .. B).name, (A .. "s").name, ("s" .. A).name, (1 .. A).name)
print(("x" .. "y" .. A).name, (A .. "x" .. "y").name)
print(pcall(function() return (A .. true).name end))
print(pcall(function() return ({} .. A).name end))
print(pcall(function() return {} .. {} end))
