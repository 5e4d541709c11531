local x = -0.0
print(x - 0, -0.0 - 0)
