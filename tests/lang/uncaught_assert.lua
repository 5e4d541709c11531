-- A failing assert without a message reports "assertion failed!".
local v = nil
print("checking")
assert(v)
