-- utf8.offset: n = 0 finds the start, negative n, beyond ends, continuation-byte errors
local s = "a\u{E9}\u{20AC}b"
for n = -5, 6 do io.write(tostring(utf8.offset(s, n)), " ") end print()
print(utf8.offset(s, 0, 3), utf8.offset(s, 0, 5), utf8.offset(s, 0, 8))
print(utf8.offset(s, 1, 4), utf8.offset(s, -1, 4), utf8.offset(s, 2, -1))
print(pcall(utf8.offset, s, 1, 3))
print(pcall(utf8.offset, s, 1, 10))
print(pcall(utf8.offset, s, 1, 0))
print(utf8.offset("", 1), utf8.offset("", 0), utf8.offset("", -1))
print(pcall(utf8.offset, s))
print(pcall(utf8.offset, s, 1.5))
