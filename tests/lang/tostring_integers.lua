-- tostring on integers prints all digits, never an exponent; integer-valued floats keep ".0".
print(tostring(0), tostring(-0), tostring(1000000000000), tostring(-123456789012345678))
print(math.maxinteger, math.mininteger, 2^53 | 0, -(2^53 | 0))
print(1e3, 1e3 | 0, 100 // 1, 100 / 1, 2^10, 1 << 10)
print(255 // 1.0, 0x10, 0xA.8p0)
