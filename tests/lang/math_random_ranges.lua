-- random ranges, including ones that span the whole integer range
math.randomseed(7)
print(math.random(5, 5), math.random(-3, -3))
print(math.random(math.mininteger, math.maxinteger))
print(math.random(math.maxinteger))
print(math.random(0, math.maxinteger))
print(math.random(math.mininteger, 0))
print(math.random(-10, 10), math.random(-10, 10))
print(math.random(3.0), math.random(2.0, 4.0))
local ok = true
for i = 1, 200 do
  local r = math.random(3, 7)
  if r < 3 or r > 7 or math.type(r) ~= "integer" then ok = false end
end
print(ok)
local seen = {}
for i = 1, 300 do seen[math.random(4)] = true end
print(seen[1], seen[2], seen[3], seen[4], seen[0], seen[5])
