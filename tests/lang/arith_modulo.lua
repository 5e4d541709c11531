-- Modulo takes the sign of the divisor (a - floor(a/b)*b), with integer and float operands.
for _, a in ipairs{7, -7, 0, 6, -6} do
  for _, b in ipairs{3, -3} do
    io.write(a, "%", b, "=", a % b, " ")
  end
  print()
end
print(5.5 % 2, -5.5 % 2, 5.5 % -2, -5.5 % -2)
print(5 % math.huge, -5 % math.huge, 5 % -math.huge, -5 % -math.huge)
print(math.huge % 2 ~= math.huge % 2, 5 % 0.0 ~= 5 % 0.0)
print(pcall(function() return 1 % 0 end))
print(math.mininteger % -1, math.mininteger % 2, math.maxinteger % -2)
print(3 % -0.0 ~= 3 % -0.0, 0.0 % 1)
print(-0.0 % 1, 1e308 % 3)
