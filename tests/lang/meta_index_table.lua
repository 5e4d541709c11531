-- __index as a table: lookups fall through a chain of tables; raw fields win.
local base = {greet = "hello", kind = "base"}
local mid = setmetatable({kind = "mid"}, {__index = base})
local obj = setmetatable({}, {__index = mid})
print(obj.greet, obj.kind, obj.missing)
obj.kind = "own"
print(obj.kind, rawget(obj, "greet"), mid.kind)
base.late = "added later"
print(obj.late)
local arr = setmetatable({}, {__index = {10, 20, 30}})
print(arr[1], arr[3], #arr)
