-- Each call of a factory creates independent upvalues; closures of one call share them.
local function counter()
  local n = 0
  return function() n = n + 1; return n end, function() return n end
end
local inc1, get1 = counter()
local inc2, get2 = counter()
inc1(); inc1(); inc2()
print(get1(), get2())
print(inc1(), get1())
