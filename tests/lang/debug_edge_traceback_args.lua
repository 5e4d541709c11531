-- debug.traceback with non-string messages, levels, nil message, coroutine argument forms
print(debug.traceback(42))
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
print(debug.traceback(nil) == nil)
print(debug.traceback("m", 100))
print((debug.traceback("lvl0", 0):gsub("\n.*", "")))
print(debug.traceback("x", 2))
local function deep(n) if n == 0 then return debug.traceback("d") end return (deep(n - 1)) end
print(deep(3))
print(pcall(debug.traceback, "m", "x"))
print(type(debug.traceback(print)))
