-- table.unpack refuses ranges that cannot fit on the stack
print(pcall(table.unpack, {}, 1, 1e8))
print(pcall(table.unpack, {}, math.mininteger, math.maxinteger))
print(pcall(table.unpack, {}, 0, math.maxinteger))
print(pcall(table.unpack, {}, 1, "x"))
print(pcall(table.unpack, nil))
