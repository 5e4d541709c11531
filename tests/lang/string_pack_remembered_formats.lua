-- string.pack/unpack remember formats they have read (a few per thread, by content).
-- Every call below is made twice or more, so the second goes through the remembered
-- list: results and errors must be the same as the first time, and as lua5.4's.
local function show(...)
  local t = table.pack(...)
  for i = 1, t.n do
    local v = t[i]
    if type(v) == "string" then t[i] = string.format("%q", v):gsub("\n", "n") end
    t[i] = tostring(t[i])
  end
  return table.concat(t, " ")
end
local function try(f, ...)
  local r = table.pack(pcall(f, ...))
  if r[1] then return show(table.unpack(r, 2, r.n)) end
  return "error: " .. tostring(r[2])
end

local cases = {
  {"<i4 >I2 i8 d f z s1 c5 B", -7, 65535, 1 << 40, 0.125, 1.5, "name", "xy", "abc", 255},
  {"!4 i1 i4 i2 !8 i1 d", 1, 2, 3, 4, 5.5},
  {"<i2 >i2 =i2", 258, 258, 258},
  {"i1 Xi4 i4", 1, 2},
  {"!2 b Xh h", 1, 2},
  {"i3 I5 i16 I9", -1, 1 << 33, math.mininteger, 12345},
  {" < > = ", nil},
  {"x x i1 x", 9},
  {"s2 z c3", "hello", "world", "ab"},
  {"j J n T", -1, -1, 2.5, 7},
}
for round = 1, 3 do
  for _, c in ipairs(cases) do
    local fmt = c[1]
    local packed = string.pack(fmt, table.unpack(c, 2))
    local again = string.pack(fmt, table.unpack(c, 2))   -- the format is remembered now
    print(round, fmt, #packed, show(packed), packed == again)
    print(round, fmt, try(string.unpack, fmt, packed))
    print(round, fmt, try(string.unpack, fmt, again))
  end
end

-- errors from a remembered format: the format reads fine, the arguments do not
for round = 1, 2 do
  print(try(string.pack, "i1 i2", 1, 2))
  print(try(string.pack, "i1 i2", 300, 2))
  print(try(string.pack, "i1 i2", 1, "x"))
  print(try(string.pack, "i1 i2", 1))
  print(try(string.pack, "I1 z", 1, "a\0b"))
  print(try(string.pack, "I1 s1", 1, string.rep("a", 256)))
  print(try(string.pack, "c2", "abc"))
  print(try(string.unpack, "i1 i2", "\1"))
  print(try(string.unpack, "i1 i2", "\1\2\3", 2))
  print(try(string.unpack, "i1 i2", "\1\2\3", 5))
  print(try(string.unpack, "z", "abc"))
  print(try(string.unpack, "s1", "\5abc"))
  print(try(string.unpack, "i9", string.rep("\255", 8) .. "\1"))
end

-- formats that never read to their end are not remembered: their errors come in
-- lua5.4's order, interleaved with the arguments'
for round = 1, 2 do
  print(try(string.pack, "i1 q", 1))
  print(try(string.pack, "i1 q", "x"))
  print(try(string.pack, "i17", 1))
  print(try(string.pack, "!3 i4", 1))
  print(try(string.pack, "i1 X", 1))
  print(try(string.pack, "Xc1", 1))
  print(try(string.unpack, "i1 q", "\1"))
end

-- more formats than are remembered, alternating; long formats; embedded zeros
local fmts = {"i1", "i2", "i4", "i8", "<i2", ">i2", "I3", "b B"}
local acc = 0
for round = 1, 50 do
  for k, f in ipairs(fmts) do
    local v = (round * 37 + k) % 100
    local s = string.pack(f, v, v)
    local a = string.unpack(f, s)
    assert(a == v, f)
    acc = acc + #s + a
  end
end
print("alternating", acc)
local long = string.rep("i1 ", 40)
local vals = {}
for i = 1, 40 do vals[i] = i end
for round = 1, 2 do
  local s = string.pack(long, table.unpack(vals))
  print("long", #s, select("#", string.unpack(long, s)), (select(40, string.unpack(long, s))))
end
for round = 1, 2 do
  print(try(string.pack, "i2\0i4", 1, 2), try(string.pack, "i2", 1, 2))
  print(try(string.unpack, "i2\0i4", "\1\0\2\0\0\0"))
end
print(string.packsize("!4 i1 i4 i2 !8 i1 d"), string.packsize("<i4 >I2 i8 d f c5 B"))
