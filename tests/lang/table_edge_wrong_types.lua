-- table functions reject non-tables (strings, numbers, nil) with the exact messages
for _, f in ipairs({"concat", "insert", "remove", "unpack", "sort"}) do
  print(f, pcall(table[f], 42))
  print(f, pcall(table[f], "abc", 1))
end
print(pcall(table.move, 1, 1, 1, 1))
print(table.pack().n, select("#", table.pack()))
local proxy = setmetatable({}, { __index = function(_, i) return i end, __len = function() return 2 end })
print(pcall(table.concat, setmetatable({}, { __index = {1, 2}, __len = function() return 2 end })))
print(table.unpack(proxy))
