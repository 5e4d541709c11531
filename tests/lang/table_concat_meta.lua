-- table.concat reads through __index and __len
local calls = {}
local proxy = setmetatable({}, {
  __index = function(_, k) calls[#calls + 1] = k; return "v" .. k end,
  __len = function() return 4 end,
})
print(table.concat(proxy, "|"))
print(table.concat(calls, ","))
local partial = setmetatable({"x"}, {__index = {nil, "y", "z"}})
print(table.concat(partial, "", 1, 3))
