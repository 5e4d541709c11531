-- A label at the end of a block may follow local declarations (jumping to it is allowed).
do
  local i = 0
  ::top::
  i = i + 1
  if i < 3 then goto top end
  print("i", i)
end
do
  goto finish
  local x = 1
  print(x)
  ::finish::
end
print("reached finish")
for i = 1, 3 do
  for j = 1, 3 do
    if j == 2 then goto next_i end
    io.write(i, j, " ")
  end
  ::next_i::
end
print()
