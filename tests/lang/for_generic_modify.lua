-- Assigning existing fields (or clearing them) during pairs traversal is allowed.
local t = {}
for i = 1, 10 do t[i] = i end
for k, v in pairs(t) do t[k] = v * 2 end
print(t[1], t[10])
for k in pairs(t) do if k % 2 == 0 then t[k] = nil end end
local keys = {}
for k in pairs(t) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
local h = {a = 1, b = 2, c = 3}
for k in pairs(h) do h[k] = nil end
print(next(h))
