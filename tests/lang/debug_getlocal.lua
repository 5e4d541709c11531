-- debug.getlocal on stack levels and function parameters
local function f(a, b, ...)
  local c = a + b
  local names = {}
  local i = 1
  while true do
    local name, value = debug.getlocal(1, i)
    if not name then break end
    names[#names + 1] = name .. "=" .. (type(value) == "table" and "table" or tostring(value))
    i = i + 1
  end
  print(table.concat(names, " "))
  print(debug.getlocal(1, -1), debug.getlocal(1, -2), debug.getlocal(1, -3))
end
f(1, 2, "va1", "va2")
print(debug.getlocal(f, 1), debug.getlocal(f, 2), debug.getlocal(f, 3))
print(debug.getlocal(print, 1))
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, 1))
local x = 10
local n1, v1 = debug.getlocal(1, 1)
print(n1, type(v1), debug.getlocal(1, 2))
