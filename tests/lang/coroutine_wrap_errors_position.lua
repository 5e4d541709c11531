-- Errors from wrap carry the position where they were raised inside the coroutine.
local function thrower() error("thrown inside") end
local w = coroutine.wrap(function() coroutine.yield(1) thrower() end)
print(w())
local ok, msg = pcall(w)
print(ok, msg)
local w2 = coroutine.wrap(function() error("level two", 2) end)
print(pcall(w2))
local w3 = coroutine.wrap(function() local n = nil return n + 1 end)
print(pcall(w3))
