-- table.pack keeps nils and records n
local t = table.pack(1, nil, 3, nil)
print(t.n, t[1], t[2], t[3], t[4])
local e = table.pack()
print(e.n, #e, next(e))
local s = table.pack("a", "b")
print(s.n, s[1], s[2])
local function count(...) return table.pack(...).n end
print(count(), count(nil), count(nil, nil, nil))
