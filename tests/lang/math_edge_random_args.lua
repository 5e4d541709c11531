-- math.random argument checks: empty intervals, limits, floats, too many arguments
math.randomseed(42)
print(pcall(math.random, 0))
print(pcall(math.random, 2, 1))
print(pcall(math.random, 1, 2, 3))
print(pcall(math.random, 1.5))
print(pcall(math.random, "x"))
print(math.random(3, 3), math.random(math.mininteger, math.mininteger))
local r = math.random(math.mininteger, math.maxinteger) print(math.type(r))
local ok = true
for i = 1, 200 do local v = math.random(-3, 3) if v < -3 or v > 3 then ok = false end end
print(ok)
for i = 1, 200 do local v = math.random() if v < 0 or v >= 1 then ok = false end end
print(ok)
print(math.random(0) ~= nil)
print(pcall(math.randomseed, "x"))
print(pcall(math.randomseed, 1.5))
