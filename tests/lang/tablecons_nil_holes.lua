-- nil values in constructors leave holes; '#' on a sequence without holes is its size.
local t = {1, nil, 3}
print(t[1], t[2], t[3])
local seq = {}
for i = 1, 10 do seq[i] = i end
print(#seq)
seq[#seq] = nil
print(#seq)
seq[#seq + 1] = "appended"
print(#seq, seq[10])
local trail = {1, 2, nil}
print(#trail == 2 or #trail == 3, trail[3])
local n = {n = 0}
print(#n)
local s = {nil, nil, 3}
print(s[3])
