-- Yields cross pcall and xpcall boundaries inside a coroutine; errors after resuming are still caught.
local co = coroutine.create(function()
  local ok, v = pcall(function()
    local x = coroutine.yield("in pcall")
    error("after " .. x, 0)
  end)
  print("pcall result", ok, v)
  local ok2, v2 = xpcall(function()
    return coroutine.yield("in xpcall") * 2
  end, function(m) return "handled " .. m end)
  print("xpcall result", ok2, v2)
  return "end"
end)
print(coroutine.resume(co))
print(coroutine.resume(co, "resume"))
print(coroutine.resume(co, 21))
