-- A value without __close is an error when the variable is declared; the handler that runs is the
-- one in the metatable when the scope closes.
local ok, err = pcall(function()
  local mt = {__close = function() print("closed") end}
  local x <close> = setmetatable({}, mt)
  mt.__close = function() print("replaced close") end
end)
print(ok, err)
print(pcall(function()
  print("before bad declaration")
  local y <close> = setmetatable({}, {})
  print("not reached")
end))
print(pcall(function() local z <close> = "string" end))
