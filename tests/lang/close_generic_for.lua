-- The generic for's fourth value is a to-be-closed value, closed when the loop ends or is left.
local function iter(n, label)
  local closing = setmetatable({}, {__close = function() print("closed", label) end})
  local i = 0
  return function() i = i + 1; if i <= n then return i end end, nil, nil, closing
end
for i in iter(2, "normal") do print("i", i) end
for i in iter(5, "break") do if i == 2 then break end end
print(pcall(function()
  for i in iter(5, "error") do if i == 3 then error("stop", 0) end end
end))
local function ret() for i in iter(5, "return") do return i end end
print(ret())
