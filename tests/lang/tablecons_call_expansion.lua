-- A call as the last positional item expands to all its results; elsewhere it gives one value.
local function three() return "a", "b", "c" end
local function none() end
local t1 = {three()}
local t2 = {three(), three()}
local t3 = {three(), "end"}
local t4 = {(three())}
local t5 = {none(), none()}
local t6 = {three(), x = 1}
print(#t1, #t2, #t3, #t4, select('#', table.unpack(t5, 1, 2)), #t6)
print(t2[1], t2[2], t2[4], t3[2])
local t7 = {x = three()}
print(t7.x, t7[1])
local big = {table.unpack((function() local r = {} for i = 1, 300 do r[i] = i end return r end)())}
print(#big, big[300])
