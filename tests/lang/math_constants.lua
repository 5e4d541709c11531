-- math constants and their subtypes
print(math.pi, math.type(math.pi))
print(math.huge, -math.huge, math.type(math.huge))
print(math.maxinteger, math.type(math.maxinteger))
print(math.mininteger, math.type(math.mininteger))
print(math.maxinteger + 1 == math.mininteger)
print(string.format("%.17g", math.pi))
