-- string.sub with extreme and mixed indices, embedded zeros, errors
local s = "he\0llo"
local function show(...) local r = string.sub(...) print(#r, (r:gsub("%z", "\\0"))) end
show(s, 0)
show(s, -3)
show(s, 2, 3)
show(s, 3, 2)
show(s, math.mininteger, math.maxinteger)
show(s, math.maxinteger)
show(s, -1, -1)
show(s, -100, 2)
show(s, 7)
show("", 1, 1)
show(s, 2.0, 3.0)
print(pcall(string.sub, s, 1.5))
print(pcall(string.sub, s, 1, {}))
print(pcall(string.sub, s))
print(pcall(string.sub))
print(string.sub(12345, 2, 3))
