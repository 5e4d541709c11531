-- Table constructors mix positional and named fields; positional items count from 1 regardless.
local t = {1, 2, x = "x", 3, [10] = "ten", ["y z"] = "yz", 4; 5}
print(t[1], t[2], t[3], t[4], t[5], t.x, t[10], t["y z"], #t)
local u = {[1] = "explicit", "positional"}
print(u[1])
local v = {"a", "b", [2] = "override?"}
print(v[2])
local nested = {{1, 2}, {3, {4, 5}}}
print(nested[2][2][2], #nested, #nested[2])
local e = {}
print(next(e), #e)
local trailing = {1, 2, 3,}
print(#trailing)
