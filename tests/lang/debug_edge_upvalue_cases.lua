-- debug.getupvalue/setupvalue on C functions, out of range, _ENV names, upvalueid errors
local a, b = 1, 2
local function f() return a + b end
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2), debug.getupvalue(f, 3))
print(debug.getupvalue(f, 0))
print(debug.setupvalue(f, 2, 20), f())
print(debug.setupvalue(f, 5, 1))
local function g() return print end
print(debug.getupvalue(g, 1) == "_ENV")
print(debug.getupvalue(print, 1))
print(select('#', debug.getupvalue(string.gmatch("a", "a"), 1)), (debug.getupvalue(string.gmatch("a", "a"), 1)))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.upvalueid, f, 3))
print(pcall(debug.upvalueid, f, 0))
print(pcall(debug.upvalueid, print, 1))
print(pcall(debug.upvaluejoin, f, 1, g, 5))
print(pcall(debug.upvaluejoin, f, 1, print, 1))
print(debug.upvalueid(f, 1) == debug.upvalueid(f, 1), debug.upvalueid(f, 1) ~= debug.upvalueid(f, 2))
