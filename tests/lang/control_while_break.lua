-- while loops with break in nested positions; break leaves only the innermost loop.
local i = 0
while true do
  i = i + 1
  if i > 5 then break end
end
print(i)
local pairs_found = {}
for a = 1, 3 do
  local b = 0
  while true do
    b = b + 1
    if b > a then break end
    pairs_found[#pairs_found + 1] = a .. b
  end
end
print(table.concat(pairs_found, " "))
local n = 10
while n > 0 do n = n - 3 end
print(n)
repeat local stop = true; if stop then break end; print("never") until false
print("after repeat-break")
