-- Exponentiation special cases follow C's pow: zero, negative bases, infinities, fractional powers.
print(0 ^ 0, 0 ^ 1, 0 ^ -1, (-0.0) ^ -1)
print((-2) ^ 2, (-2) ^ 3, (-8) ^ (1/3) ~= (-8) ^ (1/3))
print(2 ^ 0.5 == math.sqrt(2), 10 ^ 2, 10 ^ -2)
print(math.huge ^ -1, (-math.huge) ^ 3, 1 ^ math.huge, 0.5 ^ math.huge)
print(2 ^ 1023, 2 ^ 1024, 2 ^ -1075)
print(math.type(2 ^ 2), 3 ^ 2 == 9)
