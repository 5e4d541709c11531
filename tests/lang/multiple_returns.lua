-- Multiple results are truncated to one value except as the last expression of a list.
local function three() return 1, 2, 3 end
local function none() end
print(three())
print(three(), "x")
print((three()))
print(({three()})[3], #{three(), three()})
print(none())
print(none(), "after")
print(select('#', none()), select('#', (none())))
local t = {three(), three()}
print(#t, t[1], t[2], t[4])
print(math.max(three()), string.format("%d%d%d", three()))
local function mixed() return three(), three() end
print(mixed())
