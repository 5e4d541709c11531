-- __call makes tables callable, with the object as the first argument; nested __call chains work.
local adder = setmetatable({base = 10}, {__call = function(self, a, b) return self.base + a + (b or 0) end})
print(adder(1), adder(1, 2))
local inner, outer
inner = setmetatable({}, {__call = function(self, ...)
  local args = table.pack(...)
  return "inner", args.n, rawequal(self, inner), rawequal(args[1], outer), select(2, ...)
end})
outer = setmetatable({}, {__call = inner})
print(outer("x", "y"))
print(pcall(outer, 1))
local obj = {m = adder}
print(obj.m(5), obj.m(5, 6))
print(pcall(setmetatable({}, {__call = 42})))
