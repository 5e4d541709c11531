-- Pattern-matching corners: back references, frontiers, %b, anchors inside gmatch,
-- plain find with specials, position arguments out of range, and the error messages
-- for malformed patterns and bad captures.
print(string.find("abcabc", "(abc)%1"))
print(string.match("hello  world", "(%w+)%s*(%w+)"))
print(string.match('say "hi" and "bye"', '(["\'])(.-)%1'))
print(string.find("aXb", "%f[%u]"), string.find("THE (quick) fox", "%f[%a]%a+%f[%A]"))
print(string.gsub("THE (quick) fox", "%f[%a]%a+", "W"))
print(string.match("x = (a(b)c) + (d)", "%b()"), string.match("[[]]", "%b[]"))
print(string.find("a.b*c", ".b*", 1, true), string.find("a.b*c", "*", 1, true))
print(string.find("abc", "", 10), string.find("abc", "", 4), string.find("abc", "", -10))
print(string.find("abc", "c", -1), string.find("", ""), string.match("abc", "()b()"))
for k, v in string.gmatch("a=1, b=2, c=3", "(%w+)=(%w+)") do io.write(k, v, ";") end print()
for w in string.gmatch("one two", "^%a+") do io.write("[", w, "]") end print()
print(string.gsub("abc", "%w", "%0%0"), string.gsub("abc", "", "-"))
print(string.gsub("hello world", "o", {o = "0"}), string.gsub("hello", "(l)(l)", function(a, b) return b .. a .. "!" end))
print(pcall(string.gsub, "abc", "b", false)) print(string.gsub("abc", "(b)", {b = false}))
print(string.gsub("a b c", " ", "%%"), string.gsub("abc", ".", {a = 1, b = 2.5}))
print(string.match("  trim  ", "^%s*(.-)%s*$") .. "|", string.rep("ab", 3, ","))
print(string.match("2024-01-15", "(%d+)-(%d+)-(%d+)"))
print(string.match("key_1", "[%w_]+"), string.match("a-z", "[a%-z]+"), string.match("]x", "[]]"))
print(string.match("abc123", "[^%d]+"), string.match("\0a\0", "%z?a") == "\0a", string.find("a\0b", "\0", 1, true))
local errs = {
  function() return string.find("a", "%") end,
  function() return string.find("a", "[a") end,
  function() return string.find("a", "(a") end,
  function() return string.find("a", "a)") end,
  function() return string.find("a", "%1") end,
  function() return string.find("a", "%b") end,
  function() return string.find("a", "%f") end,
  function() return string.gsub("a", "(a)", "%2") end,
  function() return string.gsub("a", "a", "%x") end,
  function() return string.gsub("a", "a", {}, -1) end,
  function() return string.rep("x", -1) end,
  function() return string.gsub("abc", "b", function() return {} end) end,
  function() return string.match(string.rep("a", 40), string.rep("(a)", 33)) end,
}
for i, f in ipairs(errs) do print(i, pcall(f)) end
