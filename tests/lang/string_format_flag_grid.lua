-- string.format's integer, character and string conversions over a grid of flags,
-- widths and precisions (each checked against lua5.4's output through a checksum
-- per conversion and flag set, plus a sample of full lines).
local function subsets(chars)
  local out = {""}
  for c in chars:gmatch(".") do
    local n = #out
    for i = 1, n do out[#out + 1] = out[i] .. c end
  end
  return out
end
local widths = {"", "1", "2", "7", "19", "99"}
local precs = {"", ".", ".0", ".1", ".2", ".5", ".21", ".99"}
local ints = {0, 1, -1, 7, 8, -8, 10, 255, -255, 4096, 123456789, -987654321,
  math.maxinteger, math.mininteger, 0x7fffffff, -0x80000000, 1 << 40}
local function hash(h, s)
  for i = 1, #s do h = (h * 31 + s:byte(i)) % 2147483647 end
  return (h * 31 + #s) % 2147483647
end
local convs = {d = "-+0 ", i = "-+0 ", o = "-#0", x = "-#0", X = "-#0"}
for _, conv in ipairs({"d", "i", "o", "x", "X"}) do
  for _, fl in ipairs(subsets(convs[conv])) do
    local h, count = 0, 0
    for _, w in ipairs(widths) do
      for _, p in ipairs(precs) do
        local spec = "%" .. fl .. w .. p .. conv
        for _, v in ipairs(ints) do
          local s = string.format(spec, v)
          h = hash(h, s); count = count + 1
        end
      end
    end
    print(conv, "[" .. fl .. "]", count, h)
  end
end
for _, fl in ipairs({"", "-"}) do
  local h = 0
  for _, w in ipairs(widths) do
    for _, v in ipairs({0, 65, 97, 255, 256 + 66, -1, 10}) do
      h = hash(h, string.format("%" .. fl .. w .. "c", v))
    end
  end
  print("c", "[" .. fl .. "]", h)
end
local strs = {"", "a", "hello", "hello world, this is a longer string", string.rep("x", 99),
  string.rep("y", 100), string.rep("z", 250)}
for _, fl in ipairs({"", "-"}) do
  local h = 0
  for _, w in ipairs(widths) do
    for _, p in ipairs(precs) do
      for _, v in ipairs(strs) do
        h = hash(h, string.format("%" .. fl .. w .. p .. "s", v))
      end
    end
  end
  print("s", "[" .. fl .. "]", h)
end
-- samples, in full
for _, spec in ipairs({"%5d", "%-8d|", "%+d", "% d", "%05d", "%-05d|", "%.3d", "%8.3d",
    "%08.3d", "%+.0d", "%.0d", "%#o", "%#.0o", "%#5o", "%#x", "%#X", "%#08x", "%#.0x",
    "%-#10x|", "%x", "%o"}) do
  local out = {}
  for _, v in ipairs({0, 1, -1, 42, math.mininteger}) do out[#out + 1] = string.format(spec, v) end
  print(spec, table.concat(out, ","))
end
print(string.format("[%5c][%-5c][%c]", 65, 66, 0):byte(1, -1))
print(string.format("[%10s][%-10s][%.2s][%10.3s][%-10.3s][%.0s]", "ab", "cd", "efgh", "ijkl", "mnop", "q"))
for _, v in ipairs({0, 1, -1, 255, math.mininteger, math.maxinteger}) do
  print(string.format("[%u][%5u][%-5u|][%05u][%.3u][%8.3u][%.0u]", v, v, v, v, v, v, v))
end
print(pcall(string.format, "%#u", 1), pcall(string.format, "%+u", 1), pcall(string.format, "% u", 1))
print(pcall(string.format, "%100d", 1), pcall(string.format, "%.100d", 1), pcall(string.format, "%099d", 1))
print(string.format("%99d|%.99d", 7, 7):len())
