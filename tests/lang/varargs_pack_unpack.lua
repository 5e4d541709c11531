-- table.pack records n (nils included); table.unpack with explicit ranges restores the exact list.
local function f(...)
  local t = table.pack(...)
  return t.n, table.unpack(t, 1, t.n)
end
print(f(1, nil, 3, nil))
print(f())
local t = {1, 2, 3}
print(table.unpack(t))
print(table.unpack(t, 2))
print(table.unpack(t, 2, 5))
print(table.unpack({}, 1, 0))
print(select('#', table.unpack({}, 1, 3)))
local function pass(...) return ... end
print(pass(1, 2, 3), pass(4, 5))
print((pass(1, 2, 3)))
