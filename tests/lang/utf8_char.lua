-- utf8.char: encodings of 1 to 6 bytes, several arguments, no arguments
local function hex(s) return (s:gsub(".", function(c) return string.format("%02X", c:byte()) end)) end
print(utf8.char(72, 228, 8364, 128512))
print(hex(utf8.char(0)), hex(utf8.char(0x7F)), hex(utf8.char(0x80)), hex(utf8.char(0x7FF)))
print(hex(utf8.char(0x800)), hex(utf8.char(0xFFFF)), hex(utf8.char(0x10000)), hex(utf8.char(0x10FFFF)))
print(hex(utf8.char(0x110000)), hex(utf8.char(0x1FFFFF)), hex(utf8.char(0x200000)))
print(hex(utf8.char(0x3FFFFFF)), hex(utf8.char(0x4000000)), hex(utf8.char(0x7FFFFFFF)))
print(hex(utf8.char(0xD800)), hex(utf8.char(0xDFFF)))
print(utf8.char() == "")
print(utf8.char(65, 66, 67), utf8.char(65.0), utf8.char("66"))
print(#utf8.char(0, 0, 0))
