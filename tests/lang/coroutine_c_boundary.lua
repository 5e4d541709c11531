-- Yielding across a C function that does not support continuations fails with a clear message.
local co = coroutine.create(function()
  local t = {3, 1, 2}
  table.sort(t, function(a, b) coroutine.yield("in comparator") return a < b end)
end)
print(coroutine.resume(co))
local co2 = coroutine.create(function()
  return string.gsub("abc", "%w", function(c) coroutine.yield(c) end)
end)
print(coroutine.resume(co2))
local co3 = coroutine.wrap(function()
  local ok, v = pcall(coroutine.yield, "through pcall")
  return "pcall gave", ok, v
end)
print(co3())
print(co3("resumed"))
