-- A decimal integer numeral too large for 64 bits becomes a float; hex numerals wrap instead.
print(9223372036854775807, math.type(9223372036854775807))
print(9223372036854775808, math.type(9223372036854775808))
print(-9223372036854775808, math.type(-9223372036854775808))
print(18446744073709551616, 99999999999999999999)
print(0x7fffffffffffffff + 1 == math.mininteger)
print(tonumber("9223372036854775808"), tonumber("0x8000000000000000"))
