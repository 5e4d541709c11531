-- Weak-keyed table: entries whose keys are unreachable tables disappear after a full collection.
-- (Cove's collector is conservative; this script is named gc_weak_* so such tests can be reviewed.)
local weak = setmetatable({}, {__mode = "k"})
local kept = {}
for i = 1, 10 do
  local key = {}
  weak[key] = i
  if i % 2 == 0 then kept[#kept + 1] = key end
end
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
collectgarbage()
collectgarbage()
print("entries after collect:", count(weak))
weak["string key"] = 1
weak[1] = 2
collectgarbage()
print("non-collectable keys stay:", weak["string key"], weak[1])
