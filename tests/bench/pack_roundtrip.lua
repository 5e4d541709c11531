-- bench: lua54-only (string.pack)
-- string.pack/string.unpack round trips: records of integers of several widths and
-- endiannesses, floats, doubles, fixed and length-prefixed strings, packed one by one and
-- as a batch, then unpacked and checked. Prints the packed bytes and a value checksum.

local N = 1600000

local FMT = "<i4 >I2 i8 d f z s1 c5 B"
local NAMES = { "alpha", "beta", "gamma", "delta", "epsilon" }

local total, h = 0, 0
local pieces = {}
for i = 1, N do
  local name = NAMES[i % #NAMES + 1]
  local s = string.pack(FMT, -i, i % 65536, i * 1000003, i / 8, i % 1024, name, name, "abcde", i % 256)
  total = total + #s
  local a, b, c, d, e, f, g, k, l, nxt = string.unpack(FMT, s)
  assert(a == -i and b == i % 65536 and c == i * 1000003 and d == i / 8 and l == i % 256)
  assert(f == name and g == name and k == "abcde" and nxt == #s + 1)
  h = (h * 31 + a + b + c + l + #f) % 1000000007
  if i % 1000 == 0 then
    pieces[#pieces + 1] = s
  end
end
local batch = table.concat(pieces)
local pos, count = 1, 0
while pos <= #batch do
  local a
  a, _, _, _, _, _, _, _, _, pos = string.unpack(FMT, batch, pos)
  count = count + 1
  h = (h + a) % 1000000007
end
print(total, count, h, string.packsize("<i4 >I2 i8 d f c5 B"))
