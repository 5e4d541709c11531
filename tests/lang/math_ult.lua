-- math.ult compares as unsigned
print(math.ult(1, 2), math.ult(2, 1), math.ult(1, 1))
print(math.ult(-1, 1), math.ult(1, -1), math.ult(math.maxinteger, math.mininteger))
print(math.ult(0, -1), math.ult(-2, -1))
print(math.ult(3.0, 4))
print(pcall(math.ult, 1.5, 2))
print(pcall(math.ult, 1))
print(pcall(math.ult, "a", 1))
