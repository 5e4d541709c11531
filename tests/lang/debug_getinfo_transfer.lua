-- 'r' fields exist and are zero outside hooks
local i = debug.getinfo(1, "r")
print(i.ftransfer, i.ntransfer)
local all = debug.getinfo(1)
local keys = {}
for k in pairs(all) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
