-- debug.traceback formats
local function inner() return debug.traceback("msg") end
local function outer() return inner() .. "" end
print(outer())
print(debug.traceback("plain", 1):match("^plain\nstack traceback:\n") ~= nil)
print(debug.traceback(42))
local t = {}
print(debug.traceback(t) == t)
print(debug.traceback(nil) :match("^stack traceback:") ~= nil)
print((debug.traceback("lvl", 100)))
