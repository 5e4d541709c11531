-- debug.sethook/gethook argument handling, mask strings, clearing hooks, hook in a coroutine
print(debug.gethook())
local n = 0
debug.sethook(function() n = n + 1 end, "", 1)
local x = 0 for i = 1, 10 do x = x + i end
debug.sethook()
print(n > 10, x)
local h = function() end
debug.sethook(h, "crl", 5)
local f, mask, count = debug.gethook()
debug.sethook()
print(f == h, mask, count)
print(debug.gethook())
print(pcall(debug.sethook, 1, "c"))
print(pcall(debug.sethook, h))
debug.sethook()
local co = coroutine.create(function() coroutine.yield() end)
debug.sethook(co, h, "l")
print(select(2, debug.gethook(co)), debug.gethook())
debug.sethook(co)
print(debug.gethook(co))
