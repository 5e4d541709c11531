-- string.sub with extreme integers never overflows
local s = "abcdef"
local mi, ma = math.mininteger, math.maxinteger
print(s:sub(mi, ma))
print(s:sub(ma, mi) == "")
print(s:sub(mi) )
print(s:sub(ma) == "")
print(s:sub(1, mi) == "")
print(s:sub(-ma))
print(s:sub(mi, -4))
print(s:sub(3, ma))
print(pcall(string.sub, s))
print(pcall(string.sub, s, 1.5))
print(pcall(string.sub, s, 1, "x"))
print(pcall(string.sub, s, 2^63))
