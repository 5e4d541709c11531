-- tonumber with and without bases, and the strings it rejects
local cases = {"10", "  0x1F  ", "1e2", "  -7 ", "0x", "", "abc", "1 2", "5.", ".5", "0x1p4", "inf", "nan", " 12 \n"}
for _, s in ipairs(cases) do print(string.format("%q", s), tonumber(s)) end
print(tonumber("ff", 16), tonumber("FF", 16), tonumber("zz", 36), tonumber("777", 8))
print(tonumber("  -101  ", 2), tonumber("102", 2), tonumber("1.5", 10), tonumber("", 10))
print(tonumber("7fffffffffffffff", 16), tonumber("ffffffffffffffff", 16), tonumber("10000000000000000", 16))
print(tonumber(42), tonumber(4.5), tonumber(nil), tonumber(true), tonumber({}))
print(pcall(tonumber))
print(pcall(tonumber, "10", 1))
print(pcall(tonumber, "10", 37))
print(pcall(tonumber, 10, 16))
print(pcall(tonumber, "10", "x"))
print(math.type(tonumber("10")), math.type(tonumber("10.0")), math.type(tonumber("1e1")))
