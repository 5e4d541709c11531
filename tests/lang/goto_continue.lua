-- The "continue" idiom: goto a label at the end of the loop body.
for i = 1, 6 do
  if i % 2 == 0 then goto continue end
  io.write(i, " ")
  ::continue::
end
print()
local i = 0
while i < 6 do
  i = i + 1
  if i == 3 then goto next end
  io.write(i, " ")
  ::next::
end
print()
local k = 0
repeat
  k = k + 1
  if k == 2 then goto cont end
  io.write(k, " ")
  ::cont::
until k >= 4
print()
