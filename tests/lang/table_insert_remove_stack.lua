-- using insert/remove as a stack and a queue
local stack = {}
for i = 1, 5 do table.insert(stack, i * i) end
local out = {}
while #stack > 0 do out[#out + 1] = table.remove(stack) end
print(table.concat(out, " "))
local queue = {}
for i = 1, 5 do table.insert(queue, i) end
out = {}
while #queue > 0 do out[#out + 1] = table.remove(queue, 1) end
print(table.concat(out, " "))
