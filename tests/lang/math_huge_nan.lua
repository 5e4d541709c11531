-- infinities and nan through the library
local nan = 0/0
print(math.floor(math.huge) == math.huge, math.type(math.floor(math.huge)))
print(math.ceil(-math.huge), math.type(math.ceil(-math.huge)))
print(math.floor(nan) ~= math.floor(nan))
print(math.max(nan, 1) ~= math.max(nan, 1), math.max(1, nan))
print(math.min(1, nan), math.min(nan, 1) ~= math.min(nan, 1))
print(math.tointeger(nan), math.abs(-math.huge))
print(math.huge > math.maxinteger, -math.huge < math.mininteger)
print(math.fmod(math.huge, 1) ~= math.fmod(math.huge, 1))
