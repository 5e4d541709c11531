-- coroutine.running inside wrap returns the coroutine and false; isyieldable is true there.
local inner
local w = coroutine.wrap(function()
  local co, ismain = coroutine.running()
  inner = co
  print(type(co), ismain, coroutine.isyieldable(), coroutine.status(co))
  coroutine.yield()
end)
w()
print(coroutine.status(inner))
print(coroutine.resume(inner))
print(coroutine.status(inner))
