-- degree/radian conversion
print(math.deg(math.pi), math.deg(0), math.deg(math.pi / 2))
print(math.rad(180) == math.pi, math.rad(0), math.rad(90) == math.pi / 2)
print(math.deg(1), math.rad(1))
print(math.type(math.deg(1)), math.type(math.rad(1)))
print(pcall(math.deg, "x"))
