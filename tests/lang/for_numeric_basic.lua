-- Numeric for: default step 1, negative steps, empty ranges, and the loop variable is a copy.
for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty")
for i = 1, 10, 4 do io.write(i, " ") end print()
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = 1, 3 do local j = i; i = i * 10; io.write(j, ">", i, " ") end print()
local n = 0
for i = 1, 5 do n = n + i end
print(n)
for i = -2, 2 do io.write(i, " ") end print()
