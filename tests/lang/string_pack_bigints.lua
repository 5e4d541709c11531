-- integers wider than lua_Integer: sign extension on pack, overflow checks on unpack
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
print(hex(string.pack("<i12", -1)))
print(hex(string.pack("<i12", 1)))
print(hex(string.pack("<I12", -1)))
print(string.unpack("<i12", string.pack("<i12", -5)))
print(string.unpack("<i16", string.pack("<i16", math.mininteger)))
print(string.unpack("<I9", "\1\0\0\0\0\0\0\0\0"))
print(pcall(string.unpack, "<I9", "\0\0\0\0\0\0\0\0\1"))
print(pcall(string.unpack, "<i9", "\0\0\0\0\0\0\0\128\0"))
print(pcall(string.unpack, "<i9", "\0\0\0\0\0\0\0\128\255"))
print(pcall(string.unpack, ">i16", string.rep("\255", 8) .. string.rep("\0", 8)))
print(string.unpack(">i16", string.rep("\255", 16)))
print(pcall(string.unpack, "<I16", string.rep("\255", 16)))
