-- Expression errors: unbalanced parentheses, vararg outside a vararg function, bad calls.
local cases = {
  "return (1", "return 1)", "return {[1] 2}", "return {x = }", "return f(,)",
  "return ...", "function f() return ... end", "return 'a' 'b'", "return #", "return not",
  "return 1 + (2", "x = a.1", "x = a:b", "return function", "return ..",
}
for _, src in ipairs(cases) do
  local f, msg = load(src)
  print(f and "ok" or "nil", msg)
end
