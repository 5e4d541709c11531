-- <const> locals: readable like any local, usable as upvalues, and assignment is a compile error.
local a <const> = 10
local b <const>, c = 20, 30
local s <const> = "str"
print(a + b + c, s)
local function f() return a * 2 end
print(f())
c = c + 1
print(c)
print(load("local x <const> = 1; x = 2"))
print(load("local x <const> = 1; local function g() x = 3 end"))
print(load("local x <const>, y <const> = 1, 2; y = 1"))
print(load("local x <close>, y <close> = nil, nil"))
