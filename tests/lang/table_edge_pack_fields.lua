-- table.pack: n field with nils, no arguments, and interplay with unpack
local p = table.pack()
print(p.n, #p)
p = table.pack(nil, nil)
print(p.n, p[1], p[2])
p = table.pack(1, nil, 3, nil)
print(p.n, table.unpack(p, 1, p.n))
p = table.pack("a", "b")
print(p.n, p[1], p[2], p[3])
print(select('#', table.unpack(table.pack(nil, nil, nil), 1, 3)))
local keys = {} for k in pairs(table.pack(1, 2)) do keys[#keys + 1] = tostring(k) end
table.sort(keys) print(table.concat(keys, " "))
