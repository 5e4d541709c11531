-- NaN and infinities through every float conversion
local inf, nan = 1/0, 0/0
print(string.format("%f %f", inf, -inf))
print(string.format("%e %E", inf, -inf))
print(string.format("%g %G", inf, -inf))
print(string.format("%a %A", inf, -inf))
print(string.format("%5.1f|%-6g|", inf, -inf))
print(string.format("%q %q", inf, -inf))
print(string.format("%q", nan))
print(string.format("%.3f", -nan):gsub("-", ""))
print(pcall(string.format, "%d", inf))
print(pcall(string.format, "%d", nan))
print(pcall(string.format, "%x", 2^63))
