-- Compiler: syntax and semantic error messages of load, with lua5.4's wording and lines.
local snippets = {
 "x = ", "local 1", "for i", "for i = 1, 2", "if x then else", "while x", "repeat until",
 "function f(", "function f()\n\n return 1", "f(1,", "t = {[1]", "x:y", "x = y z",
 "return return", "return 1 1", "break", "goto foo", "goto foo\n\n", "::a:: ::a::",
 "do goto l; local x; ::l:: print(x) end", "do goto l; local x; ::l:: end",
 "local x <const> = 1; x = 2", "local x <close> = 1; x = 2", "local x <foo> = 1",
 "local x <const>, y <close>, z <close> = 1", "local a <const> = 1; function f() a = 2 end",
 "function f() return ... end", "f() = 1", "(a) = 1", "a, b() = 1", "x = }", "x = 1 .. 2",
 "a = 1 b = 2 c", "repeat local x; goto cont; local y; ::cont:: until x",
 "goto l; local x; ::l:: ;;", "goto l; local x; ::l:: x = 1", "x = 1\ny = 2\n  z = = 3",
 "::a:: goto a ::b:: goto c", "local function f() goto x end",
 "for a, b = 1, 2 do end", "if x then elseif end", "x = function() end end",
 "a = f(x" .. string.rep(",x", 20) .. ")",
}
for _, s in ipairs(snippets) do
  local f, msg = load(s)
  print(f and "OK" or msg)
end
