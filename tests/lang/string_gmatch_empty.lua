-- empty matches: gmatch never returns an empty match right after the previous match
local function all(s, p)
  local t = {}
  for m in string.gmatch(s, p) do t[#t + 1] = "<" .. m .. ">" end
  return table.concat(t)
end
print(all("abc", "x*"))
print(all("abc", "a*"))
print(all("aaa bb", "%a*"))
print(all("", ".*"))
print(all("ab", ".-"))
print(all("a,b,,c", "([^,]*)"))
