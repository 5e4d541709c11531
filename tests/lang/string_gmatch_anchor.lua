-- in gmatch a leading '^' is an ordinary character (lua5.4 does not anchor there)
local function all(s, p)
  local t = {}
  for m in string.gmatch(s, p) do t[#t + 1] = m end
  return #t, table.concat(t, ",")
end
print(all("hello", "^h"))
print(all("^a^b", "^."))
print(all("aaa", "^a"))
print(all("a$b$", ".$"))
