-- pack followed by unpack gives the values back, for every option with data
local cases = {
  {"b", -128}, {"B", 255}, {"h", -32768}, {"H", 65535}, {"i", -2147483648},
  {"I", 4294967295}, {"l", math.mininteger}, {"L", -1}, {"j", math.maxinteger},
  {"J", math.mininteger}, {"T", 12345}, {"i1", -1}, {"i5", -549755813888},
  {"I5", 1099511627775}, {"i8", math.mininteger}, {"i11", math.mininteger},
  {"I16", math.maxinteger}, {"f", 1.5}, {"d", -1e-300}, {"n", 2^60},
  {"s", "abc\0def"}, {"s1", ""}, {"z", "zero"}, {"c3", "abc"},
}
for _, case in ipairs(cases) do
  local fmt, v = case[1], case[2]
  for _, order in ipairs({"<", ">", "="}) do
    local packed = string.pack(order .. fmt, v)
    local back, nextpos = string.unpack(order .. fmt, packed)
    if back ~= v or math.type(back) ~= math.type(v) or nextpos ~= #packed + 1 then
      print("mismatch", order .. fmt, v, back, nextpos)
    end
  end
end
print("checked", #cases * 3)
local all = string.pack("!8 b h i j d s z c2", 1, 2, 3, 4, 5.5, "s", "z", "cc")
print(#all, string.unpack("!8 b h i j d s z c2", all))
