-- utf8.char: limits 0..0x7FFFFFFF, surrogates allowed, byte lengths, errors
local function hex(s) return (s:gsub(".", function(c) return string.format("%02X", c:byte()) end)) end
for _, c in ipairs({0, 0x7F, 0x80, 0x7FF, 0x800, 0xD800, 0xFFFF, 0x10000, 0x10FFFF, 0x110000, 0x1FFFFF,
  0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF}) do
  print(string.format("%X", c), hex(utf8.char(c)))
end
print(pcall(utf8.char, 0x80000000))
print(pcall(utf8.char, -1))
print(pcall(utf8.char, 1.5))
print(pcall(utf8.char, "x"))
print(utf8.char(), utf8.char(72, "105", 33.0))
