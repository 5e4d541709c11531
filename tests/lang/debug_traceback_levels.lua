-- traceback levels and tracebacks of coroutines
local function f(level) return debug.traceback("L", level) end
print(f(1))
print(f(2))
local co = coroutine.create(function(x) coroutine.yield(x) end)
coroutine.resume(co, 1)
print(debug.traceback(co))
print(debug.traceback(co, "with message"))
print(debug.traceback(co, "level 1", 1))
local dead = coroutine.create(function() error("x") end)
coroutine.resume(dead)
print(debug.traceback(dead))
