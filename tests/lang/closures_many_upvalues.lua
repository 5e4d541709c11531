-- A closure using many upvalues (up to 60) keeps each one distinct.
local src = {"local "}
for i = 1, 60 do src[#src + 1] = "u" .. i .. (i < 60 and ", " or " = ") end
for i = 1, 60 do src[#src + 1] = tostring(i) .. (i < 60 and ", " or "\n") end
src[#src + 1] = "return function() return 0"
for i = 1, 60 do src[#src + 1] = " + u" .. i end
src[#src + 1] = " end"
local f = load(table.concat(src))()
print(f())
print(load("local a, b = 1, 2 return function() a = a + b return a end")()())
