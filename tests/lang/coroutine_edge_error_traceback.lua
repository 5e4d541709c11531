-- errors inside coroutines: positions, error objects, debug.traceback of a coroutine
local co = coroutine.create(function()
  local x = nil
  return x.field
end)
print(coroutine.resume(co))
print(coroutine.status(co))
local co2 = coroutine.create(function() local function f() coroutine.yield() end f() end)
coroutine.resume(co2)
print(debug.traceback(co2))
print(debug.traceback(co2, "msg"))
print(debug.traceback(co2, "lvl1", 1))
print(debug.traceback(co, "dead"))
