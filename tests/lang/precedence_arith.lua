-- Arithmetic precedence and associativity: ^ is right-associative and binds tighter than unary minus.
print(2 + 3 * 4, (2 + 3) * 4, 2 * 3 + 4)
print(2 ^ 3 ^ 2, (2 ^ 3) ^ 2)
print(-2 ^ 2, (-2) ^ 2, - -2)
print(10 - 3 - 2, 10 - (3 - 2))
print(100 / 10 / 2, 100 // 7 % 3, 7 % 3 * 2)
print(2 * -3 ^ 2, -3 ^ -2)
print(1 + 2 .. "", 1 .. 2 + 3)
print(#"abc" + 1, -#"ab", not nil == true)
