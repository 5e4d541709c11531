-- string.dump + load round trips: constants of every type, nested closures, varargs,
-- loops, method calls and error positions survive a trip through a binary chunk.
local function roundtrip(f, strip)
  local chunk = string.dump(f, strip)
  assert(type(chunk) == "string" and chunk:sub(1, 4) == "\27Lua")
  return assert(load(chunk, "=roundtrip", "b"))
end

local function consts()
  return nil, true, false, 0, -1, math.maxinteger, math.mininteger, 3.5, -0.0, 1e300,
         "", "short", string.rep("long string ", 10), "with\0zero"
end
local g = roundtrip(consts)
local a = table.pack(consts())
local b = table.pack(g())
print(a.n, b.n)
for i = 1, a.n do
  print(i, math.type(b[i]) or type(b[i]), a[i] == b[i] or (a[i] ~= a[i] and b[i] ~= b[i]))
end
print(1 / select(9, g()))  -- the sign of -0.0 is kept

local function work(n, ...)
  local t = {}
  for i = 1, n do t[#t + 1] = i * i end
  local sum = 0
  for _, v in ipairs(t) do sum = sum + v end
  local extra = select("#", ...)
  local acc = {}
  local function push(x) acc[#acc + 1] = x; return #acc end
  for i = 1, extra do push((select(i, ...))) end
  local s = ("%d:%d:%s"):format(sum, extra, table.concat(acc, ","))
  local k = 0
  while k < 5 do k = k + 1 end
  repeat k = k - 2 until k < 0
  return s, k, #t
end
print(work(10, "a", "b", "c"))
print(roundtrip(work)(10, "a", "b", "c"))
print(roundtrip(work, true)(4))

-- a function made by load, dumped again
local src = "local x = ... return function(y) return x + y end"
local maker = roundtrip(load(src))
print(maker(10)(5))

-- error positions come from the debug info that was dumped
local function boom(x) local y = x.field return y end
print(pcall(roundtrip(boom), nil))
print(select(2, pcall(roundtrip(function() error("raised") end))))

-- the same bytes load twice into independent functions
local counter_src = string.dump(function() count = (count or 0) + 1 return count end)
local c1, c2 = load(counter_src), load(counter_src)
print(c1(), c2(), c1())
count = nil

-- dumping a C function fails
print(pcall(string.dump, print))
print(pcall(string.dump, 42))
