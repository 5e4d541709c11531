-- Shadowing in nested blocks, loops and functions; globals versus locals of the same name.
g = "global"
local function show() return g end
local g = "local"
print(g, show(), _ENV.g)
for i = 1, 2 do
  local i = i * 10
  io.write(i, " ")
end
print()
local function f(g) return g end
print(f("param"), g)
if true then local g = "if"; print(g) end
print(g)
while true do local g = "while"; print(g); break end
repeat local z = "repeat" until (function() print(z); return true end)()
