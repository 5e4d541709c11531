-- The bitwise operators on 64-bit integers: and, or, xor, not, logical shifts (negative = reverse).
print(0xF0 & 0x3C, 0xF0 | 0x3C, 0xF0 ~ 0x3C, ~0xF0)
print(1 << 63, 1 << 64, 1 << -1, 2 >> 1, -1 >> 63, -1 >> 64)
print(8 >> -2, 1 << 100, -1 << 0, 5 >> 0)
print(math.mininteger >> 63, math.maxinteger << 1)
print(~0, ~-1, ~math.mininteger)
print(0xFF ~ 0xFF, 12 & -1, -8 | 7)
print(string.format("%x", 0x123456789abcdef0 >> 4))
