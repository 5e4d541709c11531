-- yields across table.sort comparator, gsub callback, metamethods and for iterators
local co = coroutine.create(function()
  local ok, err = pcall(table.sort, {3, 1, 2}, function(a, b) coroutine.yield() return a < b end)
  print(ok, err)
  ok, err = pcall(string.gsub, "ab", ".", function(c) coroutine.yield(c) end)
  print(ok, err)
  local mt = { __index = function(_, k) return coroutine.yield(k) end }
  local v = setmetatable({}, mt).field
  print("index got", v)
  for i in function(_, i) i = (i or 0) + 1 if i <= 2 then coroutine.yield("it" .. i) return i end end do end
  return "end"
end)
while true do
  local r = table.pack(coroutine.resume(co, "resumed"))
  print(table.unpack(r, 1, r.n))
  if coroutine.status(co) == "dead" then break end
end
