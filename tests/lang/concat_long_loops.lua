-- Long strings built by repeated concatenation and by table.concat agree.
local s = ""
for i = 1, 2000 do s = s .. (i % 10) end
print(#s, s:sub(1, 12), s:sub(-5))
local parts = {}
for i = 1, 2000 do parts[i] = tostring(i % 10) end
print(table.concat(parts) == s)
local big = string.rep("abc", 10000)
print(#big, #(big .. big))
local acc = ""
for i = 1, 100 do acc = acc .. "x" .. i .. "," end
print(#acc, acc:sub(1, 20))
local multi = "a" .. "b" .. 1 .. 2.5 .. "c"
print(multi)
