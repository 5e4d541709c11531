-- Integer loops with float limits: the limit is floored/ceiled to an integer and may clip.
for i = 1, 3.7 do io.write(i, " ") end print()
for i = 3, 0.5, -1 do io.write(i, " ") end print()
for i = 1, 2^63 do if i > 2 then break end io.write(i, " ") end print()
local c = 0
for i = math.maxinteger - 1, 2^63 do c = c + 1 end
print(c)
for i = -1, -2^63, -1 do if i < -2 then break end io.write(i, " ") end print()
for i = 1, 0/0 do io.write("never") end print("nan limit: no iterations")
for i = 1, -2^70 do io.write("never") end print("huge negative limit: none")
for i = 0, 2^64, 2^62 do io.write(math.type(i), " ") end print()
