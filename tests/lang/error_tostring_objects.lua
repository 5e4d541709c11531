-- Error objects with __tostring keep their identity through pcall; tostring renders them.
local E = {}
E.__index = E
E.__tostring = function(e) return "E(" .. e.msg .. ")" end
local function throw(msg) error(setmetatable({msg = msg}, E)) end
local ok, e = pcall(throw, "bad thing")
print(ok, getmetatable(e) == E, tostring(e), e.msg)
local ok2, e2 = pcall(function()
  local ok3, inner = pcall(throw, "inner")
  error(inner)
end)
print(ok2, tostring(e2))
