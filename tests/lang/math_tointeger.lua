-- math.tointeger converts only exact values
print(math.tointeger(3), math.tointeger(3.0), math.tointeger(3.5))
print(math.tointeger(-0.0), math.tointeger(2^53), math.tointeger(2^63))
print(math.tointeger(-2^63), math.tointeger(math.huge), math.tointeger(0/0))
print(math.tointeger("8"), math.tointeger("8.0"), math.tointeger("x"))
print(math.tointeger({}), math.tointeger(nil), math.tointeger(true))
print(pcall(math.tointeger))
