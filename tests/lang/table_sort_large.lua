-- sorting bigger arrays, including presorted and reversed input
local seed = 12345
local function rnd() seed = (seed * 1103515245 + 12345) % 2147483648; return seed end
local function check(t) for i = 2, #t do if t[i - 1] > t[i] then return false end end return true end
local a = {}
for i = 1, 2000 do a[i] = rnd() % 1000 end
table.sort(a)
print(#a, check(a), a[1], a[2000])
local b = {}
for i = 1, 1000 do b[i] = i end
table.sort(b)
print(check(b))
local c = {}
for i = 1, 1000 do c[i] = 1001 - i end
table.sort(c)
print(check(c), c[1], c[1000])
local d = {}
for i = 1, 500 do d[i] = 7 end
table.sort(d)
print(check(d))
local e = {}
for i = 1, 300 do e[i] = tostring(rnd() % 5000) end
table.sort(e)
local ok = true
for i = 2, #e do if e[i - 1] > e[i] then ok = false end end
print(ok)
