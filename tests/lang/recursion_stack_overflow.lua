-- Unbounded recursion ends in a catchable "stack overflow" error, not a crash.
local function rec(n) return 1 + rec(n + 1) end
local ok, msg = pcall(rec, 1)
print(ok, type(msg), string.find(msg, "stack overflow", 1, true) ~= nil)
local function rec2() local t = {}; t[1] = rec2(); return t end
ok, msg = pcall(rec2)
print(ok, string.find(msg, "stack overflow", 1, true) ~= nil)
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
print(deep(10000))
