-- line hooks report each new line executed
local lines = {}
local function f(n)
  local s = 0
  for i = 1, n do
    s = s + i
  end
  return s
end
debug.sethook(function(ev, line) lines[#lines + 1] = ev .. line end, "l")
f(2)
debug.sethook()
print(table.concat(lines, " "))
