-- Computed keys in constructors, including float keys that normalise to integers.
local k = "dyn"
local t = {[k] = 1, [k .. "2"] = 2, [1 + 1] = "two", [2.0 ^ 1 + 1] = "three", [1.5] = "float"}
print(t.dyn, t.dyn2, t[2], t[3], t[1.5], math.type(next({[3.0] = true})))
local f = function() return "f" end
local t2 = {[f] = "function key", [true] = "bool key"}
print(t2[f], t2[true], t2[false])
print(type(load("return {[nil] = 1}")))
print(pcall(function() return {[nil] = 1} end))
print(pcall(function() return {[0/0] = 1} end))
