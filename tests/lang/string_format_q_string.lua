-- %q on strings: quotes, backslashes, newlines, control bytes, digits after escapes
print(string.format("%q", 'he said "hi"\\'))
print(string.format("%q", "line1\nline2"))
print(string.format("%q", "tab\there"))
print(string.format("%q", "\0"))
print(string.format("%q", "\0001"))
print(string.format("%q", "\r\n"))
print(string.format("%q", "\1a\0019"))
print(string.format("%q", "\127"))
print(string.format("%q", "\200\255"))
print(string.format("%q", ""))
print(string.format("%q", "end\0"))
local s = "any \0 \1 \"thing\"\n\\ \127 \255 9"
print(load("return " .. string.format("%q", s))() == s)
