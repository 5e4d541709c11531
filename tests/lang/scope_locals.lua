-- Local variables are visible from the statement after their declaration to the end of the block.
local x = 1
do
  local x = x + 1
  print(x)
  do local x = x * 10; print(x) end
  print(x)
end
print(x)
local y = 5
local y = y + 1
print(y)
local a, b, c = 1
print(a, b, c)
local d, e = 1, 2, 3
print(d, e)
