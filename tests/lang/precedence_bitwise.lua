-- Bitwise precedence: shifts below + and .., then &, ~, | in that order, all above comparisons.
print(1 | 2 ~ 3 & 4, ((1 | 2) ~ 3) & 4)
print(1 << 2 + 1, (1 << 2) + 1)
print(5 & 3 == 1, (5 & 3) == 1)
print(~0 >> 60, ~(0 >> 60))
print(pcall(function() return 1 | 6 .. "" end))
print(3 ~ 5 | 8, 3 ~ (5 | 8))
print(-1 >> 1 == math.maxinteger, ~~7)
