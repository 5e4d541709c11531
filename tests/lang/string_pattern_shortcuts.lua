-- Shortcuts of the pattern matcher checked against lua5.4: the search loops skip
-- positions where the pattern's first item cannot match, a greedy repetition followed
-- by a plain character skips lengths where that character is absent, and class
-- letters are tested from the locale's table. Results and errors must not change.
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  for i = 2, r.n do r[i] = tostring(r[i]) end
  return (r[1] and "" or "error: ") .. table.concat(r, " ", 2, r.n)
end

-- every class letter, both cases, against every byte
local all = {}
for c = 0, 255 do all[#all + 1] = string.char(c) end
all = table.concat(all)
for cl in ("acdglpsuwxzACDGLPSUWXZ"):gmatch(".") do
  local hits, sum = 0, 0
  for pos in all:gmatch("()%" .. cl) do hits = hits + 1; sum = sum + pos end
  local inset = select(2, all:gsub("[%" .. cl .. "]", ""))
  local notset = select(2, all:gsub("[^%" .. cl .. "]", ""))
  print(cl, hits, sum, inset, notset)
end
-- escaped non-letters match themselves
print(("a.b%c(d)"):gsub("%%", "P"), ("a.b%c(d)"):gsub("%.", "D"), ("x(y)"):gsub("%(", "["))

local subject = "  user42@host7.example.com, fox jumps; 12 dog.\nlazy 7 DOG. x@y @z end$"
local patterns = {
  "%a+", "(%a)(%a*)", "()%a+()", "((%w+))@", "(%w+)@([%w%.]+)", "[%w_]+", "[^\n]+",
  "%d+", "%f[%w](%d+)%f[%W]", "dog%.$", "dog%.", "%u+", "[%u%d]+", "x@", "@%a",
  "%s*%a", "%a-@", "%a?@", "%a*@", ".@", "[@]+", "%w+%.", "%w+e", "(%a+) (%a+)",
  "%a+$", "$", "end%$", "%$", "^  %a+", "^%a+", "(()%a)", "%bxy", "%a+%1",
  "[a-f]+", "[]a]+", "[^]a]+", "%p", "%P+", "%S+", "%a+,?", "%a+s?", "%a+ *%d", "%a+s-",
  "%a+o*m", "%w+)", "%a+(", "%a+.", "%a+[. ]",
}
for _, p in ipairs(patterns) do
  print(p, try(string.find, subject, p), try(string.match, subject, p, 5))
  print(p, try(string.gsub, subject, p, "<%0>"))
  local out = {}
  local ok, err = pcall(function()
    for a, b in subject:gmatch(p) do out[#out + 1] = tostring(a) .. "|" .. tostring(b) end
  end)
  print(p, ok and table.concat(out, ",") or ("error: " .. err))
end

-- malformed patterns report their errors even where nothing could match
local bad = {"[a", "%", "(%a", "%a)", "%b", "%f", "%fa", "[%", "((((", "%1", "(%1)", "[a-"}
for _, p in ipairs(bad) do
  print(p, try(string.find, "", p), try(string.find, "zzz", p), try(string.gsub, "zzz", p, "x"))
  print(p, try(function() for _ in ("zzz"):gmatch(p) do end end))
end
print(try(string.rep("(", 40) .. "%a" .. string.rep(")", 40) == nil))
print(try(string.find, "abc", string.rep("(", 33) .. "a" .. string.rep(")", 33)))
print(try(string.find, "---", string.rep("(", 33) .. "a" .. string.rep(")", 33)))
print(try(string.find, ("a"):rep(300), ("a?"):rep(300) .. ("a"):rep(300)))
print(try(string.gsub, "hello world", "%w+", {hello = "HI"}))
print(try(string.gsub, "abc", "", "-"))
print(try(string.gsub, "abc abc", "%f[%a]", "^"))
