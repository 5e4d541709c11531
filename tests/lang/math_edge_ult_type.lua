-- math.ult and math.type with floats, strings, limits
print(math.ult(1, 2), math.ult(-1, 2), math.ult(2, -1), math.ult(math.maxinteger, math.mininteger))
print(math.ult(1.0, 2.0))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, "1", 2))
print(pcall(math.ult, 1))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil), math.type(2^63))
print(pcall(math.type))
