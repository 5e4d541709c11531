-- file:read("n") on tricky numerals: hex, exponents, signs, too long, partial reads
local name = os.tmpname()
local function try(text)
  local f = assert(io.open(name, "w")) f:write(text) f:close()
  f = assert(io.open(name, "r"))
  local a = f:read("n")
  local rest = f:read("a")
  f:close()
  print((string.format("%q", text) .. ("."):rep(14)):sub(1, math.max(14, #text + 2)), a, math.type(a), string.format("%q", rest))
end
for _, t in ipairs({"12", " \t\n 12x", "0x", "0x1p4", "1e", "1e+", "-.5", ".e1", "--1", "+7", "0X1P-1",
  "9223372036854775808", "1.5.5", "  ", "inf", ("1"):rep(250), "0x7fffffffffffffff", "1e400", "00012"}) do
  try(t)
end
os.remove(name)
