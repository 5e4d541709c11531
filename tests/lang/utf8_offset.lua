-- utf8.offset: forward, backward, n = 0, past the ends
local s = "añ€😀z"
for n = 1, 6 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
for n = -1, -6, -1 do io.write(tostring(utf8.offset(s, n)), " ") end
print()
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 8), utf8.offset(s, 0, 1))
print(utf8.offset(s, 2, 2), utf8.offset(s, -1, 4), utf8.offset(s, 1, -1))
print(utf8.offset(s, 7), utf8.offset(s, -7))
print(utf8.offset("", 1), utf8.offset("", -1), utf8.offset("", 0))
print(utf8.offset("abc", 0, 4), utf8.offset("abc", 1, 4), utf8.offset("abc", 2, 4))
print(utf8.offset("abc", -1, 4), utf8.offset("abc", -3), utf8.offset("abc", -4))
print(utf8.offset("abc", 1), utf8.offset("abc", 4), utf8.offset("abc", 5))
