-- With more than 256 constants, obj:m() is compiled as MOVE/LOADK/GETTABLE; the error
-- for a missing method must still say "method 'm'" (errors.lua "RK limit" tests).
local t = {}
for i = 1, 300 do t[i] = "a = x" .. i end
local s = table.concat(t, "; ")
print(select(2, pcall(load(s .. "; local t = {}; t:bbb()"))))
print(select(2, pcall(load(s .. "; local t = {}; local q = t.bbb + 1"))))
print(select(2, pcall(load(s .. "; local t = {}; t.bbb()"))))
print(select(2, pcall(load("local t = {}; t:bbb()"))))
-- a plain t[k] with the key in a register below the table is still a field
local k, u = "kk", {}
print(pcall(function() k = u[k]; return k() end))
