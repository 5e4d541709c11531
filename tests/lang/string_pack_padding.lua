-- x adds a zero byte, spaces are ignored, X with no data never consumes arguments
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("b x b", 1, 2)))
print(hex(string.pack("xxx")))
print(hex(string.pack("  b  ", 5)))
print(string.unpack("b x b", "\1\0\2"))
print(string.unpack("xxb", "\0\0\9"))
print(string.packsize("x"), string.packsize(""), string.packsize("   "))
print(string.pack("") == "")
print(string.unpack("", "abc"))
print(string.unpack("", ""))
