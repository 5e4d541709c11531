-- load: chunk names, modes, reader functions returning bad values, env argument
print(load("x ="))
print(load("x =", "=mychunk"))
print(load("x =", "@file.lua"))
print(load("return 1", "c", "b"))
print(load("\27Lua", "bin", "t"))
print(pcall(load, "return 1", "c", "q"))
print(type(load(function() return nil end)))
print(pcall(load, function() return {} end))
local parts = { "return ", "1 ", "+ 2" }
local i = 0
print(load(function() i = i + 1 return parts[i] end)())
local f = load("return x", "c", "t", { x = "envx" }) print(f())
print(pcall(load))
print(pcall(load, 5))
print(load("return ...", "v")(1, 2, 3))
print(pcall(load, function() error("reader fail") end))
print(load("syntax error here"))
print(load("return '\\q'"))
