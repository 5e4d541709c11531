-- table.concat with many pieces and long separators; insert/remove shifting a long array
local t = {} for i = 1, 2000 do t[i] = i end
local s = table.concat(t, ", ")
print(#s, s:sub(1, 20), s:sub(-12))
print(#table.concat(t, ("-"):rep(100), 1, 10))
for i = 1, 500 do table.insert(t, 1, -i) end
print(#t, t[1], t[500], t[501], t[2500])
for i = 1, 500 do table.remove(t, 1) end
print(#t, t[1], t[2000])
local big = ("x"):rep(10000)
print(#table.concat({big, big, big}, big))
