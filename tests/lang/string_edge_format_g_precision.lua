-- %g/%e/%f/%a with many precisions and awkward values (denormals, 2^63, 0.1, huge widths)
local vals = {0.1, 1/3, 2^63, -2^-1074, 2^-1022, 1e15, 1e16, 123456.789, 5e-324, 1.7976931348623157e308}
for _, v in ipairs(vals) do
  print(string.format("%g|%.0g|%.1g|%.17g|%#g|%e|%.0e|%#.0e|%.3a", v, v, v, v, v, v, v, v, v))
end
print(string.format("%99.2f|", 1.5):len())
print(string.format("%-20.10g|%+020.5f|% 015.3e", math.pi, -math.pi, math.pi))
print(string.format("%#.0f %#x %#X %#o", 3.0, 0, 255, 0))
print(string.format("%.20f", 0.1))
print(string.format("%5.3s|%-5.3s|", "abcdef", "abcdef"))
