-- Numeral edge cases: huge/tiny exponents, leading zeros, hex float precision, max/min literals.
print(1e309, -1e309, 1e-400, 0e0, 00012, 0.000)
print(0x.0000000000001p1, 0x1.fffffffffffffp1023, 0x1p-1074)
print(4.9e-324 > 0, 2.5e-324 > 0)
print(1.7976931348623157e308, 1.7976931348623157e308 * 10)
print(-9223372036854775807 - 1, math.type(-9223372036854775807 - 1))
print(3 == 3.0, 0x3 == 3, 0x3p0 == 3, 3e0 == 3)
print(tonumber("0x1P+2"), tonumber("0x1p"), tonumber("1e+5"), tonumber("1e-1"))
