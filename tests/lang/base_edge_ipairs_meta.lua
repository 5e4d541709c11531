-- ipairs respects __index, stops at the first nil; pairs with __pairs; next errors
local p = setmetatable({}, { __index = function(_, i) if i <= 3 then return i * i end end })
for i, v in ipairs(p) do io.write(i, "=", v, " ") end print()
local q = setmetatable({}, { __pairs = function(t) return function(_, k) if not k then return 1, "one" end end, t, nil end })
for k, v in pairs(q) do print(k, v) end
print(pcall(ipairs))
print(pcall(pairs))
print(pcall(next, {}, "nokey"))
print(next({}), next({10}))
print(pcall(next))
local r = setmetatable({}, { __pairs = function() return 1, 2, 3, 4 end })
print(pairs(r))
for i, v in ipairs("ab") do print(i, v) end
print(select('#', ipairs(nil)), pcall(function() for i in ipairs(nil) do end end))
