-- table.sort works on a proxy through __index/__newindex/__len
local data = {4, 2, 5, 1, 3}
local proxy = setmetatable({}, {
  __index = function(_, k) return data[k] end,
  __newindex = function(_, k, v) data[k] = v end,
  __len = function() return #data end,
})
table.sort(proxy)
print(table.concat(data, " "))
local mt = {__lt = function(a, b) return a.v < b.v end}
local objs = {}
for i, v in ipairs({3, 1, 2}) do objs[i] = setmetatable({v = v}, mt) end
table.sort(objs)
print(objs[1].v, objs[2].v, objs[3].v)
