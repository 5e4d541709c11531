-- every character class and its complement, counted over all 256 bytes
local all = {}
for i = 0, 255 do all[#all + 1] = string.char(i) end
all = table.concat(all)
for _, c in ipairs({"a", "c", "d", "g", "l", "p", "s", "u", "w", "x"}) do
  local _, n = all:gsub("%" .. c, "")
  local _, m = all:gsub("%" .. c:upper(), "")
  print(c, n, m, n + m)
end
print(("a1 B_."):gsub("%w", "#"))
print(("tab\tnl\nsp cr\r"):gsub("%s", "_"))
print(("\0x\0"):gsub("%z", "Z"))
print(("\0x\0"):gsub("%Z", "Z"))
print(("a.b"):gsub("%.", "!"))
print(("a%b"):gsub("%%", "pct"))
print(("[x]"):gsub("%[", "<"))
print(("0x1F gz"):gsub("%x+", "H"))
