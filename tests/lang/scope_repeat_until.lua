-- The condition of repeat-until sees locals declared in the loop body.
local n = 0
repeat
  local done = n >= 3
  n = n + 1
until done
print(n)
local i = 0
repeat
  local sq = i * i
  i = i + 1
until sq > 20
print(i)
