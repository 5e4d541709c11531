-- Unusual but valid syntax: empty statements, semicolons, parenthesised calls, string/table call args.
;;; local a = 1; ; local b = 2;
print(a + b);
local function f(x) return x end
print(f"string arg", f{1}[1], f[[long arg]])
print(type(f{}), #f{1, 2, 3})
local t = {f = f}
print(t.f"x", t["f"]"y")
local s = ("%d"):format(5)
print(s, ("x"):rep(3))
do end
while false do end
repeat until true
if false then elseif false then else end
print((f(1)), ((f(2))))
