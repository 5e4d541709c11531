-- tostring on floats: %.14g, with ".0" added when the result looks like an integer.
local vals = {1.0, -1.0, 0.0, -0.0, 0.5, 1/3, 2/3, 100.0, 1e14, 1e15, 1e16, 1e100, 1e-5, 1e-4,
  123456.789, 3.14159265358979, 2^53, 2^63, -2^63, 1e300 * 10, 5e-324, 0.1, 12345678901234.5,
  255/256, 1e14 + 0.5}
for _, v in ipairs(vals) do io.write(tostring(v), " ") end
print()
print(tostring(1e308 * 10), tostring(-1e308 * 10), tostring(0/0) == tostring(0/0))
print(string.format("%.14g", 0.1), 100 // 1.0, 3 / 1)
