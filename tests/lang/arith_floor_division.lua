-- Floor division rounds toward minus infinity, for integers and floats alike.
for _, a in ipairs{7, -7, 0, 6, -6} do
  for _, b in ipairs{2, -2, 3, -3} do
    io.write(a, "//", b, "=", a // b, " ")
  end
  print()
end
print(7.0 // 2, -7.0 // 2, 7 // 2.0, -7.5 // 2, 7.5 // -2)
print(1 // 0.0, -1 // 0.0, 0 // 0.0 ~= 0 // 0.0)
print(5 // math.huge, -5 // math.huge, math.huge // 1)
print(pcall(function() return 1 // 0 end))
print(math.mininteger // -1, math.mininteger // 1)
print(math.maxinteger // -1)
