-- patterns as programs use them: splitting, trimming, parsing, validating
local function split(s, sep)
  local out = {}
  for field in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = field end
  return out
end
print(table.concat(split("a,b,,c", ","), "|"))
print(table.concat(split("1.2.3", "."), "|"))
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
print("[" .. trim("  \t hi there \n ") .. "]")
local y, m, d = ("Date: 2024-02-29"):match("(%d%d%d%d)-(%d%d)-(%d%d)")
print(y + 0, m + 0, d + 0)
print(("user@example.com"):match("^[%w._%-]+@[%w.-]+%.%a+$") ~= nil)
print(("not an email"):match("^[%w._%-]+@[%w.-]+%.%a+$") ~= nil)
local kv = {}
for k, v in ("a=1; b = two ;c=3"):gmatch("(%w+)%s*=%s*(%w+)") do kv[#kv + 1] = k .. "->" .. v end
print(table.concat(kv, ","))
print(("CamelCaseString"):gsub("(%u)", " %1"):sub(2))
print(("hello"):gsub(".", function(c) return c:byte() .. " " end))
print(("%d+"):gsub("%%", "%%%%"))
print(("The quick brown fox"):gsub("%w+", function(w) return #w > 3 and w:upper() or nil end))
print(("x = 10, y = 20"):gsub("(%w+) = (%w+)", "%2 = %1"))
print(("  multiple   spaces  here "):gsub("%s+", " "))
print(("path/to/file.txt"):match("([^/]+)$"), ("path/to/file.txt"):match("(.+)/"))
print(("file.tar.gz"):match("^(.-)%.(.*)$"))
print(("0x1F 0XaB 12"):gsub("0[xX](%x+)", function(h) return tonumber(h, 16) end))
