-- integer fmod by zero is an error; float fmod by zero is nan
print(pcall(math.fmod, 1, 0))
print(pcall(math.fmod, math.mininteger, 0))
print(pcall(math.fmod, 1))
print(pcall(math.fmod, "a", 1))
print(pcall(math.fmod, 1, {}))
local r = math.fmod(1, 0.0)
print(r ~= r)
