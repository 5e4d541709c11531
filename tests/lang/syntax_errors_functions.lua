-- Errors in function definitions: bad parameter lists, misplaced varargs, missing end.
local cases = {
  "function f(a,) end", "function f(..., a) end", "function f(a b) end", "function (a) end",
  "local function f.x() end", "function f() return", "f = function(1) end",
  "function t:m(self) end x = ", "function f() end end",
}
for _, src in ipairs(cases) do
  local fn, msg = load(src)
  print(fn and "ok" or "nil", msg)
end
