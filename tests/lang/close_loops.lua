-- <close> inside loops: closed each iteration, and on break, goto and return out of the loop.
local function closer(name)
  return setmetatable({}, {__close = function() print("close", name) end})
end
for i = 1, 3 do
  local c <close> = closer(i)
  if i == 2 then print("break at", i); break end
  print("iter", i)
end
local n = 0
while true do
  n = n + 1
  local c <close> = closer("w" .. n)
  if n == 2 then goto out end
end
::out::
local function find()
  for i = 1, 5 do
    local c <close> = closer("f" .. i)
    if i == 2 then return i end
  end
end
print("found", find())
