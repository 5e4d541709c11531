-- number to string conversions used by tostring, concat and print: %.14g with ".0" rules
local vals = {1e15, 1e16, 123456789012345.0, 2^53, -2^63, 2^63, 0.1 + 0.2, 1e-7, 1e300 * 1e10,
  100.0, -0.0, 3.14159265358979, 1e100, 2^-1074, 255 / 5}
for _, v in ipairs(vals) do io.write(tostring(v), " ", v .. "", " ") print(v) end
print(math.maxinteger + 0.0, math.mininteger + 0.0, 2^24, 1e14, 1e15 + 0.5)
print(string.format("%s", 1e15), #tostring(1/3))
print(7 // 1.0, 7.0 % 3, -7 // 2.0, 2^2, 10 / 2)
