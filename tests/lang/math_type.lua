-- math.type distinguishes integer and float
print(math.type(1), math.type(1.0), math.type(-0.0), math.type(2^63))
print(math.type("1"), math.type(nil), math.type({}), math.type(print))
print(math.type(1 // 1), math.type(1 / 1), math.type(3 % 2.0))
print(pcall(math.type))
