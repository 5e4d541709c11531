-- Malformed numerals are reported as such, including letters glued to digits.
for _, src in ipairs{"return 3x", "return 0x", "return 1e", "return 1.2.3", "return 0xg",
                     "return 1e+", "return 08z", "return 3..2"} do
  local f, msg = load(src)
  print(src, f, msg)
end
