-- count hooks fire every n instructions
local n = 0
debug.sethook(function(ev) if ev == "count" then n = n + 1 end end, "", 1)
local x = 0
for i = 1, 100 do x = x + i end
debug.sethook()
print(n > 100, x)
