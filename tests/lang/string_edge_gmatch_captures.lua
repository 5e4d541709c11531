-- gmatch with position captures, empty matches, init argument and anchors
for a, b in string.gmatch("k1=v1, k2=v2", "(%w+)=(%w+)") do print(a, b) end
for p in string.gmatch("abc", "()") do io.write(p, " ") end print()
for m in string.gmatch("abc", "x*") do io.write("[", m, "]") end print()
for m in string.gmatch("abcabc", "^abc") do io.write("<", m, ">") end print()
for m in string.gmatch("abcdef", "%a", 4) do io.write(m) end print()
for m in string.gmatch("abcdef", "%a", -2) do io.write(m) end print()
for m in string.gmatch("abcdef", "%a", 100) do io.write(m) end print("|")
for m in string.gmatch("abcdef", "%a", -100) do io.write(m) end print()
local it = string.gmatch("a1b2", "%d")
print(it(), it(), it(), it())
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, "abc", "x", "y"))
