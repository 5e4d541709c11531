-- Thousands of values through unpack, select, varargs, pcall, coroutines and C
-- functions: fine up to the stack limit (LUAI_MAXSTACK), errors only past it.
local t = {}
for i = 1, 200000 do t[i] = i end
for _, n in ipairs({100, 5000, 199990, 200000}) do
  print(n, select('#', table.unpack(t, 1, n)), (select(n, table.unpack(t, 1, n))))
end
print(select('#', pcall(table.unpack, t, 1, 999900)))
print(pcall(table.unpack, t, 1, 1e6))
print(pcall(table.unpack, t, 1, 1e7))
print(pcall(table.unpack, {}, 1, math.maxinteger))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
local function va(...) return select('#', ...) end
print(va(table.unpack(t, 1, 100000)))
local function pass(...) return ... end
print(select('#', pass(table.unpack(t, 1, 150000))))
print(select('#', string.byte(string.rep("x", 100000), 1, -1)))
print(pcall(string.byte, string.rep("x", 2000000), 1, -1))
print(pcall(function() return table.unpack(t, 1, 999990) end))
local co = coroutine.wrap(function(...) return select('#', coroutine.yield(...)) end)
print(select('#', co(table.unpack(t, 1, 100000))))
print(co(table.unpack(t, 1, 120000)))
print(select('#', pcall(pass, table.unpack(t, 1, 100000))))
print(select('#', table.pack(table.unpack(t, 1, 50000))), #table.pack(table.unpack(t, 1, 50000)))
