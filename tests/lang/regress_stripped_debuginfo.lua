-- Functions without line information (string.dump with strip): activelines is an
-- empty table, and the line hook still fires on entry and on backward jumps, with
-- line nil.
local function foo()
  local s = 0
  for i = 1, 3 do s = s + i end
  return s
end
local s = load(string.dump(foo, true))
local t = debug.getinfo(s, "L").activelines
print(type(t), next(t))
print(debug.getinfo(print, "L").activelines)

local events = {}
debug.sethook(function(e, l) events[#events + 1] = e .. ":" .. tostring(l) end, "l")
local r = s()
debug.sethook()
local nils = 0
for _, e in ipairs(events) do if e == "line:nil" then nils = nils + 1 end end
print(r, nils)
