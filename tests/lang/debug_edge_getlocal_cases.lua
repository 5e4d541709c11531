-- debug.getlocal: varargs (negative indices), parameters of functions, out of range, temporaries
local function va(...)
  local x = 1
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
  print(debug.getlocal(1, 1), (debug.getlocal(1, 2)))
end
va("a", "b")
local function params(p1, p2) local q end
print(debug.getlocal(params, 1), debug.getlocal(params, 2), debug.getlocal(params, 3))
print(debug.getlocal(print, 1))
print(pcall(debug.getlocal, 50, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.getlocal))
local t = 10
do local inner = 20 print((debug.getlocal(1, 2)), debug.getlocal(1, 4)) end
print((debug.getlocal(1, 3)))
print(debug.setlocal(1, 1, 99), va ~= nil)
print(pcall(debug.setlocal, 50, 1, 1))
print(debug.setlocal(1, 100, 1))
