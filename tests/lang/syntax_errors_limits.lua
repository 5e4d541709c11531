-- Limits reported at compile time: too many local variables, deep nesting, many upvalues.
local parts = {}
for i = 1, 201 do parts[#parts + 1] = "local v" .. i .. " = " .. i end
local f, msg = load(table.concat(parts, "\n"))
print(f, msg)
local deep = string.rep("(", 300) .. "1" .. string.rep(")", 300)
f, msg = load("return " .. deep)
print(f ~= nil, msg and msg:match("overflow") ~= nil)
local ok = load("return " .. string.rep("(", 100) .. "1" .. string.rep(")", 100))
print(ok())
