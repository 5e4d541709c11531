-- Float keys with integral values are normalised: t[1.0] and t[1] are the same entry.
local t = {}
t[1.0] = "float one"
print(t[1], math.type(next(t)))
t[2] = "two"
print(t[2.0], #t)
t[2^53] = "big"
print(t[math.tointeger(2^53)])
t[-0.0] = "zero"
print(t[0], t[-0])
t[1.5] = "not integral"
print(t[1.5], t[1])
local keys = {}
for k in pairs({[1.0] = 1, [2.0] = 2}) do keys[#keys + 1] = math.type(k) end
table.sort(keys)
print(table.concat(keys, " "))
print(rawget(t, 1.0), rawget(t, 2.0))
t["1"] = "string one"
print(t[1], t["1"])
