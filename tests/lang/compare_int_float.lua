-- Integer/float comparisons are exact, even where converting one side would round (2^53, 2^63 edges).
local p53 = 2^53
print(2^53 == 2^53 + 1, math.tointeger(p53) + 1 == p53 + 1)
print(9007199254740993 == p53, 9007199254740993 > p53, 9007199254740993 < p53 + 2)
print(math.maxinteger == 2^63, math.maxinteger < 2^63, math.maxinteger + 0.0 == 2^63)
print(math.mininteger == -2^63, math.mininteger <= -2^63, math.mininteger < -2^63)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, -1 < -0.5, 0 == -0.0)
print(math.maxinteger < math.huge, math.mininteger > -math.huge)
print(3 <= 3.0, 3 >= 3.0000000000000004, 9007199254740992 == 9007199254740992.0)
print(1 < 0/0, 1 > 0/0, 0/0 == 0/0)
