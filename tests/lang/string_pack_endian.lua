-- endianness markers < > = and their scope within one format
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack(">i4", 1)), hex(string.pack("<i4", 1)))
print(hex(string.pack(">i2<i2", 1, 1)))
print(hex(string.pack("=i2", 1)) == hex(string.pack("<i2", 1)))
print(hex(string.pack(">d", 1.5)), hex(string.pack("<d", 1.5)))
print(hex(string.pack(">f", -2)), hex(string.pack("<f", -2)))
print(string.unpack(">i4", "\0\0\1\0"), string.unpack("<i4", "\0\0\1\0"))
print(string.unpack(">s2", "\0\3abc"))
print(hex(string.pack(">I16", 1)))
print(hex(string.pack("<i16", -2)))
print(hex(string.pack(">i9", -2)))
