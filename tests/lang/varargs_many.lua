-- Functions receiving and returning many values (hundreds), through unpack and varargs.
local t = {}
for i = 1, 250 do t[i] = i end
local function count(...) return select('#', ...) end
print(count(table.unpack(t)))
local function echo(...) return ... end
local r = {echo(table.unpack(t))}
print(#r, r[1], r[250])
print(select(-1, table.unpack(t)), select(249, table.unpack(t)))
print(math.max(table.unpack(t)), string.char(table.unpack({72, 105})))
local ok, err = pcall(table.unpack, {}, 1, 1e8)
print(ok, err)
