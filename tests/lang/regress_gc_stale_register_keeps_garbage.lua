-- An object whose last reference was a spent register (here the argument of a call
-- that returned) must become collectable while a loop runs: its __gc must run and
-- a weak entry must go (db.lua "debug info for finalizers", closure.lua).
do
  local name = nil
  setmetatable({}, {__gc = function() name = debug.getinfo(1, "n").name end})
  local n = 0
  repeat local a = {} n = n + 1 until name or n > 20000000
  print(name)
end
do
  local x = setmetatable({[1] = {}}, {__mode = "kv"})
  local n = 0
  while x[1] and n < 20000000 do local s = n .. n .. n n = n + 1 end
  print(x[1])
end
