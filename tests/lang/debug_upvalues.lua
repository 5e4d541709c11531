-- getupvalue and setupvalue
local a, b = 1, "two"
local function f() return a, b end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(debug.getupvalue(f, 3))
print(debug.setupvalue(f, 1, 100))
print(f())
print(debug.setupvalue(f, 5, 1))
print(debug.getupvalue(string.gmatch("a", "a"), 1) ~= nil)
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.setupvalue, f, 1))
print(select("#", debug.getupvalue(f, 0)))
