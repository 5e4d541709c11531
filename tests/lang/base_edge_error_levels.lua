-- error with levels, non-string values, nil; assert with messages and non-string values
local function lvl1() error("one", 1) end
local function lvl2() error("two", 2) end
local function caller() lvl2() end
print(pcall(lvl1)) print(pcall(caller))
print(pcall(error, "zero", 0))
print(pcall(error))
print(pcall(error, nil))
print(select('#', pcall(error)))
local ok, e = pcall(error, { code = 7 }) print(ok, type(e), e.code)
print(pcall(error, 42))
print(pcall(error, 42, 2))
print(pcall(assert, false))
print(pcall(assert, nil, "custom"))
print(pcall(assert, false, 99))
local ok2, e2 = pcall(assert, false, { 1 }) print(ok2, type(e2))
print(pcall(assert))
print(assert(1, 2, 3))
print(pcall(error, "lvl3", 3))
