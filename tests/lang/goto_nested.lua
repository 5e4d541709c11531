-- goto out of nested loops, backward goto as a loop, and labels in nested blocks.
for i = 1, 3 do
  for j = 1, 3 do
    if i * j == 4 then print("found", i, j); goto done end
  end
end
::done::
local n = 0
::top::
n = n + 1
if n < 5 then goto top end
print("n", n)
do
  goto inner
  print("skipped")
  ::inner::
  print("inner label")
end
