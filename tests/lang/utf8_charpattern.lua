-- utf8.charpattern matches one encoded character at a time
print(#utf8.charpattern, utf8.charpattern:byte(1, -1))
local s = "añ€😀"
for c in s:gmatch(utf8.charpattern) do io.write(#c, " ") end
print()
local n = 0
for _ in ("h\0llo"):gmatch(utf8.charpattern) do n = n + 1 end
print(n)
print(select(2, s:gsub(utf8.charpattern, "")))
print(("\xC2\x80x"):match(utf8.charpattern) == "\xC2\x80")
