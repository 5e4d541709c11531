-- the matcher's recursion is bounded: deep patterns fail with "pattern too complex"
-- instead of overflowing the C stack; shallow ones still match
local s = string.rep("a", 300)
print(pcall(string.match, s, string.rep("a?", 300)))
print(pcall(string.match, s, string.rep("a*", 250)))
print(select(2, pcall(string.match, s, string.rep("a?", 150))) == string.rep("a", 150))
print(#string.match(s, string.rep("a*", 100)))
print(pcall(string.match, s, string.rep("(", 300)))
print(pcall(string.gsub, s, string.rep("a?", 250), "x"))
print(pcall(function() for w in s:gmatch(string.rep("a?", 250)) do end end))
local ok, e = pcall(string.rep, "x", 10)
print(ok, e)
