local t = setmetatable({}, {})
getmetatable(t).__call = t
print(pcall(t))
