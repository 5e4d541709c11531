-- Decimal integer and float numerals in every spelling the lexer accepts.
print(0, 1, 42, 007, 1234567890)
print(math.type(1), math.type(1.0), math.type(1e0), math.type(.5))
print(1.5, .5, 5., 3e2, 3E2, 3e+2, 3e-2, 1.25e1, 0.0)
print(9007199254740993, 1e308, 1e-308)
print(2e0 == 2, 1E1 == 10)
print(123456789012)
print(0.1 + 0.2 == 0.3, 0.5 + 0.25 == 0.75)
