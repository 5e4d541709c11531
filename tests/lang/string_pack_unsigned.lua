-- unsigned formats B H L J T I[n]
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<B", 255)), hex(string.pack("<H", 65535)))
print(hex(string.pack("<I3", 0xabcdef)), hex(string.pack("<J", -1)))
print(hex(string.pack("<T", 1)), string.packsize("T"))
print(string.unpack("<B", "\255"), string.unpack("<H", "\255\255"))
print(string.unpack("<I3", "\255\255\255"))
print(string.unpack("<J", string.rep("\255", 8)))
print(string.unpack("<I8", string.rep("\255", 8)))
print(string.unpack("<L", string.pack("<L", 12345)))
print(string.unpack("<I2", "\1\2"), string.unpack(">I2", "\1\2"))
