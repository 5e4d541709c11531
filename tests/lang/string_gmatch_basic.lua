-- string.gmatch iterates over matches; with captures it yields the captures
for w in string.gmatch("one two  three", "%a+") do io.write("[", w, "]") end
print()
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, ":", v, " ") end
print()
for pos in string.gmatch("abc", "()") do io.write(pos, " ") end
print()
for c in ("hello"):gmatch(".") do io.write(c, ",") end
print()
local n = 0
for _ in string.gmatch("", "x") do n = n + 1 end
print(n)
local it = string.gmatch("a1b2", "%d")
print(it(), it(), it(), it())
for a, b in ("12 34 56"):gmatch("(%d)(%d)") do io.write(a + b, " ") end
print()
for w in string.gmatch(12345, "%d%d") do io.write(w, " ") end
print()
