-- seeded sequences are the same as lua5.4's (xoshiro256**)
math.randomseed(42)
print(math.random(1, 100))
local t = {}
for i = 1, 10 do t[i] = math.random(1, 6) end
print(table.concat(t, " "))
math.randomseed(42)
print(math.random(1, 100))
math.randomseed(0)
print(math.random(0), math.random(0))
math.randomseed(123, 456)
for i = 1, 5 do t[i] = math.random(1000) end
print(table.concat(t, " ", 1, 5))
math.randomseed(-1)
print(math.random(10), math.random(10), math.random(10))
