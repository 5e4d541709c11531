-- string formats: s[n] length-prefixed, z zero-terminated, c[n] fixed size
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<s1", "abc")), hex(string.pack("<s2", "")))
print(#string.pack("s", "abc"), string.unpack("s", string.pack("s", "hello")))
print(hex(string.pack("z", "ab")), string.unpack("z", "ab\0cd"))
print(hex(string.pack("c5", "ab")), string.unpack("c2", "abcd"))
print(hex(string.pack("c0", "")), string.unpack("c0", "x"))
print(string.unpack("zz", "a\0b\0"))
print(string.unpack("s1s1", "\2ab\1c"))
print(#string.pack("s4", string.rep("x", 300)))
print(string.unpack("c3", "a\0b"):byte(1, -1))
print(string.unpack("<s1", "\0"))
print(string.pack("z", 12), string.pack("c2", 34))
