-- unpack's position argument and returned next position
local s = string.pack("<i2i2i2", 1, 2, 3)
print(string.unpack("<i2", s))
print(string.unpack("<i2", s, 3))
print(string.unpack("<i2", s, -2))
print(string.unpack("<i2", s, -100))
print(string.unpack("<i2i2", s, 2))
print(string.unpack("", s, 7))
print(pcall(string.unpack, "<i2", s, 8))
print(pcall(string.unpack, "<i2", s, 7))
print(string.unpack("c0", "", 1))
local pos, t = 1, {}
local data = string.pack("zzz", "one", "two", "three")
for _ = 1, 3 do
  local v
  v, pos = string.unpack("z", data, pos)
  t[#t + 1] = v
end
print(table.concat(t, " "), pos)
print(string.unpack("B", "abc", math.mininteger))
print(pcall(string.unpack, "B", "abc", math.maxinteger))
