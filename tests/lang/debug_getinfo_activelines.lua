-- activelines lists the lines that have code
local function f(x)
  local y = x + 1

  if y > 2 then
    y = y * 2
  end
  return y
end
local lines = {}
for l in pairs(debug.getinfo(f, "L").activelines) do lines[#lines + 1] = l end
table.sort(lines)
print(table.concat(lines, " "))
print(debug.getinfo(print, "L").activelines)
