-- '/' and '^' always produce floats, even on integer operands that divide evenly.
print(4 / 2, math.type(4 / 2), 1 / 3, 7 / -2)
print(2 ^ 2, math.type(2 ^ 2), 2 ^ 0.5, 4 ^ -1, (-8) ^ (1/3) ~= (-8) ^ (1/3))
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0)
print(1 / -0.0, 0.0 == -0.0, 1 / (0 * -1))
print(math.maxinteger / 1, math.mininteger / -1)
print(2 ^ 63, 2 ^ 64, 2 ^ 1023 * 2, 10 ^ -400)
print(0 ^ 0, math.huge ^ 0, (0/0) ^ 0)
