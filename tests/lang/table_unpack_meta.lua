-- table.unpack honours __index and __len
local t = setmetatable({}, {
  __index = function(_, k) return "e" .. k end,
  __len = function() return 3 end,
})
print(table.unpack(t))
print(table.unpack(t, 5, 6))
