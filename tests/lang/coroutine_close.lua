-- coroutine.close on suspended, dead and errored coroutines; closing a running one is an error.
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
print(coroutine.close(co), coroutine.status(co))
print(coroutine.close(co))
local bad = coroutine.create(function() error("failed", 0) end)
print(coroutine.resume(bad))
print(coroutine.close(bad))
print(coroutine.close(coroutine.create(print)))
print(pcall(coroutine.close, coroutine.running()))
local co2
co2 = coroutine.create(function() return pcall(coroutine.close, co2) end)
print(coroutine.resume(co2))
