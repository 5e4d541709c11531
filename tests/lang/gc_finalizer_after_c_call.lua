-- An object made unreachable must be finalized while a loop keeps allocating, even
-- when the last C function that touched it (setmetatable) was called straight from
-- the interpreter: the pointers such a call leaves in the C stack below the
-- interpreter's frame are cleared at safe points (vm/gc.c gc_clear_cstack_below).
-- The loops mirror the official gc.lua's GC1, which hung without the clearing.
local rounds = 0
for _, make in ipairs({
  function(i) return tostring(i) .. tostring(i) end,
  function() return {} end,
  function(i) return {tostring(i)} end,
}) do
  for round = 1, 3 do
    local finish = false
    local u = setmetatable({}, {__gc = function () finish = true end})
    local i = 1
    repeat i = i + 1; u = make(i) until finish
    rounds = rounds + 1
  end
end
print("finalized", rounds)
