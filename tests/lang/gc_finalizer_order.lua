-- Objects marked for finalization are finalized at close in reverse order of marking.
for i = 1, 3 do
  setmetatable({}, {__gc = function() print("finalize", i) end})
end
local keep = {}
for i = 4, 6 do
  keep[i] = setmetatable({}, {__gc = function() print("finalize", i) end})
end
print("script done")
