-- Several closures capturing the same local see each other's writes, before and after it goes out of scope.
local get, set
do
  local v = 1
  get = function() return v end
  set = function(x) v = x end
  set(2)
  print(v, get())
  v = 3
  print(get())
end
set(4)
print(get())
local function outer()
  local a = 0
  local function mid()
    return function() a = a + 1; return a end
  end
  return mid(), mid(), function() return a end
end
local f1, f2, g = outer()
f1(); f2(); f1()
print(g())
