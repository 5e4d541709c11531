-- Errors on upvalues, and on values loaded from constants and globals, describe where they came from.
local cfg = nil
local function use() return cfg.size end
print(pcall(use))
local num = 10
local function call_num() return num() end
print(pcall(call_num))
print(pcall(function() return math.pi.x end))
print(pcall(function() return ("x").y.z end))
print(pcall(function() local a = {}; a.b.c = 1 end))
print(pcall(function() return #undefined end))
print(pcall(function() local t = setmetatable({}, {__index = function() return nil end}); return t.k.j end))
