-- Functions are values: stored in tables, passed, returned, compared by identity.
local function apply(f, ...) return f(...) end
local function compose(f, g) return function(...) return f(g(...)) end end
local inc = function(x) return x + 1 end
local dbl = function(x) return x * 2 end
print(apply(inc, 1), compose(inc, dbl)(5), compose(dbl, inc)(5))
local t = {inc, dbl, print}
print(t[1](t[2](10)))
print(inc == inc, inc == function(x) return x + 1 end)
local registry = {}
registry[inc] = "increment"
print(registry[inc], registry[dbl])
local function curry(f) return function(a) return function(b) return f(a, b) end end end
print(curry(math.max)(3)(9))
