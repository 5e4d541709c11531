-- error's level argument picks which function's position prefixes the message (0 = none).
local function lvl1() error("level 1") end
local function lvl2() error("level 2", 2) end
local function call_lvl2() lvl2() end
local function lvl0() error("level 0", 0) end
print(pcall(lvl1))
print(pcall(call_lvl2))
print(pcall(lvl0))
local function lvl3() error("level 3", 3) end
local function a() lvl3() end
local function b() a() end
print(pcall(b))
print(pcall(error, "direct"))
print(pcall(error, "direct level 2", 2))
