-- debug.setlocal changes a local of a running function
local function f()
  local a, b = 1, 2
  local function g() debug.setlocal(2, 2, 20) end
  g()
  print(a, b)
  print(debug.setlocal(1, 1, 100), a)
  print(debug.setlocal(1, 50, 0))
end
f()
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, 1))
