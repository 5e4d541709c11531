-- malformed patterns: every message, through find, match, gmatch, gsub
local pats = { "%", "[a", "[a%", "[]", "[^]", "(", ")", "%b", "%ba", "%f", "%fa", "(()", "%1", "(a)%2",
  "(a%1)", "a%", "[%", "%g(" }
for _, p in ipairs(pats) do
  print(p, pcall(string.find, "abc(a)", p))
end
print(pcall(string.gsub, "abc", "(", "x"))
print(pcall(string.gmatch("abc", "[a"), nil))
print(pcall(string.match, "abc", "%0"))
