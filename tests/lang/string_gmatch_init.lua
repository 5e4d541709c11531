-- gmatch with an init position (Lua 5.4): positive, negative, beyond the end
local function all(s, p, init)
  local t = {}
  for m in string.gmatch(s, p, init) do t[#t + 1] = tostring(m) end
  return table.concat(t, ",")
end
print(all("abcdef", ".", 3))
print(all("abcdef", ".", -2))
print(all("abcdef", ".", -100))
print(all("abcdef", ".", 0))
print(all("abcdef", ".", 7))
print(all("abcdef", "()", 7))
print(all("abcdef", "()", 8))
print(all("abcdef", ".", math.maxinteger))
print(all("aaa", "a*", 2))
print(pcall(string.gmatch, "abc", ".", "x"))
