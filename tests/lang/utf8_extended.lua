-- 5- and 6-byte sequences (values beyond U+1FFFFF) round-trip in lax mode only
for _, v in ipairs({0x200000, 0x3FFFFFF, 0x4000000, 0x7FFFFFFF}) do
  local s = utf8.char(v)
  print(#s, utf8.codepoint(s, 1, 1, true) == v, utf8.len(s), utf8.len(s, 1, -1, true))
end
print(utf8.len("\xF8\x87\xBF\xBF\xBF", 1, -1, true))
print(utf8.len("\xFC\x83\xBF\xBF\xBF\xBF", 1, -1, true))
print(utf8.codepoint("\u{7FFFFFFF}", 1, 1, true))
print(#"\u{7FFFFFFF}", "\u{7FFFFFFF}" == utf8.char(0x7FFFFFFF))
