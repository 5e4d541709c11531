-- Unary minus on integers (wrapping at mininteger), floats (signed zero) and numeric strings.
local z = 0
print(-z, -0, -0.0, -(-0.0), math.type(-z))
print(-math.maxinteger, -math.mininteger, - -1)
print(-(2^63), -"10", -"1.5", -"0x10", math.type(-"10"))
local x = 5
print(-x ^ 2, (-x) ^ 2, -x * -x, - - - x)
print(1 - -1, 1 - - -1)
