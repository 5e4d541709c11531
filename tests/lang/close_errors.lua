-- A __close runs on errors too (receiving the error); an error in __close replaces the original one.
local function closer(name, fail)
  return setmetatable({}, {__close = function(_, err)
    print("close", name, err)
    if fail then error(name .. " failed", 0) end
  end})
end
print(pcall(function()
  local a <close> = closer("a")
  error("boom", 0)
end))
print(pcall(function()
  local a <close> = closer("a")
  local b <close> = closer("b", true)
  return "ok"
end))
print(pcall(function()
  local a <close> = closer("a", true)
  local b <close> = closer("b", true)
  error("original", 0)
end))
print(pcall(function() local x <close> = {} end))
print(pcall(function() local x <close> = 42 end))
