-- utf8.codes iterates over positions and code points
for p, c in utf8.codes("añ€😀") do io.write(p, ":", c, " ") end
print()
for p, c in utf8.codes("") do io.write(p, c) end
print("empty done")
for p, c in utf8.codes("abc") do io.write(p, "=", utf8.char(c), " ") end
print()
for p, c in utf8.codes("a\0b") do io.write(p, ":", c, " ") end
print()
local f, s, i = utf8.codes("xy")
print(type(f), s, i)
print(f(s, i))
print(f(s, 1))
print(f(s, 2))
print(f(s, -5))
