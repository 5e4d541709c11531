-- exp and sqrt always return floats
print(math.exp(0), math.exp(1), math.exp(-1))
print(math.sqrt(4), math.sqrt(2), math.sqrt(0), math.sqrt(-0.0))
print(math.sqrt(-1) ~= math.sqrt(-1), math.sqrt(math.huge))
print(math.type(math.sqrt(16)), math.sqrt(16) == 4)
print(math.exp(710), math.exp(-1000))
print(pcall(math.sqrt, "abc"))
print(pcall(math.exp))
