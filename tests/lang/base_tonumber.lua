-- tonumber on strings: decimal, hex, floats, exponents, surrounding spaces; failures give nil.
local inputs = {"10", "  10  ", "0x1F", "0X1f", "1e2", ".5", "5.", "-3", "+3", "- 3", "1e", "abc", "",
  " ", "0x", "1 2", "inf", "nan", "0x1p4", "1E+2", "\t7\n", "9223372036854775808", "-0x1", "0x.1"}
for _, s in ipairs(inputs) do
  local n = tonumber(s)
  io.write(string.format("%q", s), "->", tostring(n), (n and "(" .. math.type(n) .. ")" or ""), " ")
end
print()
print(tonumber(42), tonumber(4.5), tonumber(nil), tonumber({}), tonumber(true))
print(pcall(tonumber))
print(tonumber("10\0"), tonumber("0x10", nil))
