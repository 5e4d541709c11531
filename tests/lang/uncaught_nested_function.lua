-- A runtime error deep in nested calls reports the line of the failing expression.
local function level3(t) return t.missing.field end
local function level2(t) return level3(t) end
local function level1() return level2({}) end
print("calling")
level1()
