-- pattern capture limits (32), too many captures, long non-matching subjects, many frontier items
print(pcall(string.find, string.rep("a", 3000), string.rep("(", 40)))
print(pcall(string.match, string.rep("a", 10), string.rep("%f[a]", 300)))
print(pcall(string.rep("x?", 500):rep(1).match, "xxxx", string.rep("x?", 500)))
print(pcall(string.gsub, string.rep("(", 33) .. string.rep(")", 33), string.rep("(", 33) .. string.rep(")", 33), ""))
print(pcall(string.find, "x", string.rep("(x)", 32)))
print(pcall(string.find, "x", string.rep("()", 32)))
print(pcall(string.find, "x", string.rep("()", 33)))
print(string.rep("a", 3000):find(".-b"))
