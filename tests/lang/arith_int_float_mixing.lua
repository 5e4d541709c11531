-- Mixed operands: an integer op a float gives a float; integer-only ops convert exact floats.
print(1 + 0.0, 1 - 0.0, 3 * 1.0, math.type(3 * 1.0))
print(3.0 | 0, 2.0 << 1, math.type(3.0 | 0))
print(pcall(function() return 3.5 | 0 end))
print(pcall(function() return 2^63 | 0 end))
print(-0.0 | 0, 1e15 & 0xff)
print(7 // 2.0, 7 % 2.0, math.type(7 % 2.0))
print(1e15 + 1, 2^53 + 1, (2^53 + 1) | 0)
