-- The edge cases around math.mininteger: division, modulo, negation, absolute value, conversions.
local min = math.mininteger
print(min, -min, min // -1, min % -1, min * -1)
print(math.abs(min), math.abs(min + 1))
print(min / -1, min + 0.0, -(min + 0.0))
print(min == -2^63, min < -2^63 + 1, math.tointeger(-2^63))
print(min // 2, min % 3, min // 3)
print(string.format("%d", min), tostring(min), min .. "")
