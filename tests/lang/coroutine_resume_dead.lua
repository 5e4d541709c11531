-- Resuming a dead coroutine or a running/normal one gives "cannot resume ..." messages.
local co = coroutine.create(function() return 1 end)
print(coroutine.resume(co))
print(coroutine.resume(co))
local w = coroutine.wrap(function() return 1 end)
w()
print(pcall(w))
local outer
outer = coroutine.create(function()
  local inner = coroutine.create(function() return coroutine.resume(outer) end)
  return coroutine.resume(inner)
end)
print(coroutine.resume(outer))
