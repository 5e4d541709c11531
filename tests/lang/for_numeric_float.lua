-- Float loops: float start/step make the variable a float; accumulated steps follow float arithmetic.
for i = 1.0, 3 do io.write(i, " ") end print()
for i = 0, 1, 0.25 do io.write(i, " ") end print()
for i = 1, 2, 0.5 do io.write(math.type(i), " ") end print()
for i = 1, 3.5 do io.write(i, " ", math.type(i), " ") end print()
local c = 0
for i = 0, 1, 0.1 do c = c + 1 end
print(c)
for i = 3, 1.5, -0.5 do io.write(i, " ") end print()
for i = 1, math.huge do if i > 3 then break end io.write(i, " ") end print()
for i = 1, -math.huge do io.write("never") end print("none")
