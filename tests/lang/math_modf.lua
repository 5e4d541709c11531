-- math.modf splits integral and fractional parts
for _, v in ipairs({3.5, -3.5, 4, -4, 0.25, -0.25, 1e20, 2^53 + 0.0}) do
  local i, f = math.modf(v)
  print(v, i, math.type(i), f, math.type(f))
end
print(math.modf(math.huge))
print(math.modf(-math.huge))
local i, f = math.modf(0/0)
print(i ~= i, f ~= f)
print(pcall(math.modf))
