-- integer arithmetic at the limits through the math library view: wraparound, //, % with negatives, errors
local mi, ma = math.mininteger, math.maxinteger
print(ma + 1 == mi, mi - 1 == ma, mi * -1 == mi, -mi == mi)
print(mi // -1, mi % -1)
print(pcall(function() return 1 // 0 end))
print(pcall(function() return 1 % 0 end))
print(1 // 0.0, -1 // 0.0, 1 % 0.0 ~= 1 % 0.0)
print(7 // -2, -7 // 2, 7 % -2, -7 % 2, 7.5 % -2, -7.5 % 2)
print(5 % math.huge, -5 % math.huge, 5 % -math.huge)
print(3 / 0, -3 / 0, 0 / 0 ~= 0 / 0)
print(2^63 == ma + 1.0, ma + 0.0 == 2^63, mi + 0.0 == -2^63)
print(ma < 2^63, mi <= -2^63, ma == 2^63, 2^53 + 1 == (1 << 53) + 1)
print(math.huge, -math.huge, math.pi)
