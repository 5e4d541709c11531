-- A __call chain (callable objects whose __call is another callable) works as lua5.4:
-- each step passes the object it came from as an extra first argument.
local f = setmetatable({}, {__call = function(self, a, b, c) return "f", type(a), b, c end})
local g = setmetatable({}, {__call = f})
print(g(1, 2))
print(select("#", g(1, 2)))
-- (A chain that loops is an error in Cove, "'__call' chain too long; possible loop", where
-- lua5.4 runs for hours before "stack overflow": see spec/vm.md; not compared here.)
