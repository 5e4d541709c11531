-- string.char: bytes to string, zero arguments, embedded zeros, float integers
print(string.char(72, 105))
print(#string.char())
print(string.char() == "")
local s = string.char(0, 1, 255)
print(#s, s:byte(1, -1))
print(string.char(65.0, "66"))
local t = {}
for i = 0, 255 do t[#t + 1] = i end
local all = string.char(table.unpack(t))
print(#all, all:byte(1), all:byte(256))
