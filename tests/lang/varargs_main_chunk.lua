-- The main chunk is a vararg function: '...' holds the script arguments (none here).
print(select('#', ...))
local a, b = ...
print(a, b)
local f = load("return select('#', ...), ...")
print(f(1, 2, 3))
print(load("local x, y = ... return y, x")("first", "second"))
