-- Arithmetic on numeric strings yields integers for integer-looking strings, floats otherwise.
local cases = {{"10", 5}, {"10.0", 5}, {"0x10", 1}, {"1e2", 1}, {" 7 ", 2}, {"-3", "2"}}
for _, c in ipairs(cases) do
  local a, b = c[1], c[2]
  local sum, idiv = a + b, a // b
  io.write(string.format("%s+%s=%s(%s) %s//%s=%s ", a, b, tostring(sum), math.type(sum), a, b, tostring(idiv)))
end
print()
print("2" ^ 2, "9" / "3", "5" % 3, math.type("5" % 3))
print(pcall(function() return "0x" + 1 end))
print(pcall(function() return "" * 2 end))
print(10 == "10", "10" + 0 == 10)
