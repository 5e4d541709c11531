-- Loops near math.maxinteger/mininteger stop correctly without wrapping around.
local max, min = math.maxinteger, math.mininteger
for i = max - 2, max do io.write(i, " ") end print()
for i = min + 2, min, -1 do io.write(i, " ") end print()
local c = 0
for i = max - 10, max, 5 do c = c + 1 end
print(c)
for i = 1, max, max do io.write(i, " ") end print()
for i = min, min + 1 do io.write(i, " ") end print()
c = 0
for i = max, max - 1 do c = c + 1 end
print(c)
for i = 0, max, max // 2 do io.write(i, " ") end print()
for i = min, max, max do io.write(i, " ") end print()
