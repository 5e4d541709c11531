-- floor and ceil return integers when the result fits
for _, v in ipairs({3.7, -3.7, 3, -3, 0.5, -0.5, 1e15 + 0.5, 2^53, -2^63, 2^63, 1e100, -1e100}) do
  local f, c = math.floor(v), math.ceil(v)
  print(v, f, math.type(f), c, math.type(c))
end
print(math.floor(math.huge), math.ceil(-math.huge))
print(math.floor("2.5"), math.ceil("2.5"))
print(math.floor(-0.0), math.ceil(-0.0))
print(pcall(math.floor, "a"))
print(pcall(math.ceil))
