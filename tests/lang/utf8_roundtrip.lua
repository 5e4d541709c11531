-- utf8.char and utf8.codepoint are inverse over boundary code points
local points = {0, 1, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF,
                0x10000, 0x10FFFF}
local s = utf8.char(table.unpack(points))
local back = {utf8.codepoint(s, 1, -1)}
local ok = #back == #points
for i = 1, #points do ok = ok and back[i] == points[i] end
print(ok, utf8.len(s), #s)
local count = 0
for p, c in utf8.codes(s) do
  count = count + 1
  assert(utf8.codepoint(s, p) == c and utf8.offset(s, count) == p)
end
print(count)
for i = 1, #points do io.write(utf8.offset(s, -i), " ") end
print()
print(utf8.len(utf8.char(0xD800), 1, -1, true), utf8.len(utf8.char(0xD800)))
