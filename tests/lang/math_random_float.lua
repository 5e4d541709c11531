-- float results use 53 random bits, in [0, 1)
math.randomseed(1)
for i = 1, 5 do print(string.format("%.17g", math.random())) end
math.randomseed(2, 3)
local r = math.random()
print(math.type(r), r >= 0 and r < 1)
local ok = true
for i = 1, 1000 do local x = math.random(); if x < 0 or x >= 1 then ok = false end end
print(ok)
