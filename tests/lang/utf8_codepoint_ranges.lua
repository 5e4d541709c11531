-- codepoint ranges that start or end inside a multi-byte character
local s = "€x"   -- bytes: E2 82 AC 78
print(utf8.codepoint(s, 1, 1))
print(utf8.codepoint(s, 1, 3))
print(utf8.codepoint(s, 1, 4))
print(pcall(utf8.codepoint, s, 2))
print(pcall(utf8.codepoint, s, 2, 4))
print(utf8.codepoint(s, 4))
print(utf8.codepoint(s, -1))
print(utf8.len(s, 2), utf8.len(s, 4), utf8.len(s, 1, 1))
print(utf8.len(s, 3, 4))
