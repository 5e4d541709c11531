-- math.tointeger: floats at the integer limits, strings, non-numbers, -0.0, nan/inf
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger(-0.0))
print(math.tointeger(2^63), math.tointeger(-2^63), math.tointeger(2^53))
print(math.tointeger(1/0), math.tointeger(0/0))
print(math.tointeger("8"), math.tointeger("x"), math.tointeger({}))
print(math.tointeger(math.maxinteger), math.tointeger(math.mininteger))
print(pcall(math.tointeger))
print(math.tointeger(nil))
