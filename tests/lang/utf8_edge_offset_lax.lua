-- utf8.offset and len over strings with invalid bytes and 6-byte sequences; offsets across them
local s = "a\xFFb\u{7FFFFFFF}c"
for n = 1, 6 do io.write(tostring(utf8.offset(s, n)), " ") end print()
for n = -1, -6, -1 do io.write(tostring(utf8.offset(s, n)), " ") end print()
print(utf8.len(s), utf8.len(s, 1, -1, true))
print(utf8.len("\u{7FFFFFFF}\u{10FFFF}", 1, -1, true))
print(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true))
print(pcall(utf8.codepoint, "\u{7FFFFFFF}"))
print(utf8.char(0x7FFFFFFF) == "\u{7FFFFFFF}")
print(utf8.len("\xF0\x90\x80"), utf8.len("\xC2"), utf8.len("\xC2\x80\x80"))
