-- debug.getinfo on stack levels
local function where() local i = debug.getinfo(2, "nSl") return i.currentline, i.name, i.namewhat, i.what end
local function caller() return where() end
print(caller())
print(debug.getinfo(1, "l").currentline)
print(debug.getinfo(100))
print(debug.getinfo(1, "t").istailcall)
local function tail() return debug.getinfo(1, "t").istailcall end
local function calls_tail() return tail() end
print(calls_tail())
local t = {}
function t.method() return debug.getinfo(1, "n") end
local n = t.method()
print(n.name, n.namewhat)
local info = debug.getinfo(1, "f")
print(type(info.func))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, {}))
