-- load with a custom environment: globals of the chunk live in that table.
local env = {x = 5}
local f = load("y = x * 2; return y", "chunk", "t", env)
print(f(), env.y, y)
local sandbox = setmetatable({}, {__index = _G})
load("newglobal = 'in sandbox'", "=sb", "t", sandbox)()
print(sandbox.newglobal, newglobal)
local g = load("return print")
print(g() == print)
local noenv = load("return x", "=noenv", "t", nil)
print(pcall(noenv))
local h = load("local a = ... return a, _ENV", "=h", "t", env)
local a, e = h(7)
print(a, e == env)
