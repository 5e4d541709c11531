-- debug.getinfo: invalid options, out-of-range levels, non-function args, C functions
print(pcall(debug.getinfo, 1, ">"))
print(pcall(debug.getinfo, print, ">S"))
print(pcall(debug.getinfo, 1, "q"))
print(debug.getinfo(100))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo))
local i = debug.getinfo(print)
print(i.what, i.short_src, i.source, i.currentline, i.linedefined, i.lastlinedefined, i.nups, i.nparams, i.isvararg)
local j = debug.getinfo(1, "l") print(j.currentline, j.source)
local function f(a, b, ...) end
local k = debug.getinfo(f, "u") print(k.nups, k.nparams, k.isvararg)
local L = debug.getinfo(f, "L") local lines = {} for l in pairs(L.activelines) do lines[#lines + 1] = l end
table.sort(lines) print(table.concat(lines, ","))
print(debug.getinfo(print, "L").activelines)
local m = debug.getinfo(1, "t") print(m.istailcall)
print(debug.getinfo(0, "n").name, debug.getinfo(0, "S").what)
print(pcall(debug.getinfo, coroutine.create(print), 0, "S"))
