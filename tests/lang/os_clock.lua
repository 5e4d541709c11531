-- os.clock returns processor time as a float
local c = os.clock()
print(math.type(c), c >= 0)
local x = 0
for i = 1, 100000 do x = x + i end
print(os.clock() >= c, x)
