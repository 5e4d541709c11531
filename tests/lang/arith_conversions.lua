-- Float-to-integer conversion only when exact: math.tointeger, integer contexts, string.format %d.
print(math.tointeger(3.0), math.tointeger(3.5), math.tointeger("8"), math.tointeger(2^63))
print(math.tointeger(-2^63), math.tointeger(-0.0), math.tointeger(1e100))
print(string.format("%d", 3.0), pcall(string.format, "%d", 3.5))
print(("x"):rep(2.0), pcall(string.rep, "x", 2.5))
local t = {10, 20, 30}
print(t[2.0], select(2.0, "a", "b"))
print(3 | 0, 3.0 // 1, math.type(3.0 // 1), 7 // 1.0)
print(math.floor(3.7), math.type(math.floor(3.7)), math.ceil(-3.7), math.floor(-0.0))
print(math.floor(2^62) == 2^62, math.type(math.floor(2^70)))
