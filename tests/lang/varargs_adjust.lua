-- Parameters are adjusted to the argument count: extras dropped, missing ones nil.
local function two(a, b) return a, b end
print(two())
print(two(1))
print(two(1, 2, 3))
local function vararg_only(...) local a, b = ... return a, b, select('#', ...) end
print(vararg_only(9))
local function defaults(a, b) b = b or "default" return a, b end
print(defaults("x"), defaults("x", false), defaults("x", "given"))
