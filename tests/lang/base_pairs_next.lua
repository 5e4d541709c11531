-- next and pairs over arrays visit keys in order; over hashes all keys (sorted here for output).
local arr = {10, 20, 30}
for k, v in pairs(arr) do io.write(k, ":", v, " ") end
print()
print(next({}), next({5}), next({5}, 1))
local h = {x = 1, y = 2, z = 3, [1] = "one"}
local keys = {}
for k in pairs(h) do keys[#keys + 1] = tostring(k) end
table.sort(keys)
print(table.concat(keys, ","))
print(pcall(next, {}, "nope"))
print(pcall(next))
local f, s, c = pairs(h)
print(f == next, s == h, c)
local t = {a = 1, b = 2, c = 3}
for k in pairs(t) do t[k] = nil end
print(next(t))
