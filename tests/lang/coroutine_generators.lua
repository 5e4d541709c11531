-- Generators built with coroutines: a range, a filter pipeline, and a tree walk.
local function range(n) return coroutine.wrap(function() for i = 1, n do coroutine.yield(i) end end) end
local function filter(pred, gen)
  return coroutine.wrap(function() for v in gen do if pred(v) then coroutine.yield(v) end end end)
end
local out = {}
for v in filter(function(x) return x % 3 == 0 end, range(20)) do out[#out + 1] = v end
print(table.concat(out, " "))
local tree = {value = 1, {value = 2, {value = 4}, {value = 5}}, {value = 3, {value = 6}}}
local function walk(node)
  coroutine.yield(node.value)
  for _, child in ipairs(node) do walk(child) end
end
local vals = {}
for v in coroutine.wrap(function() walk(tree) end) do vals[#vals + 1] = v end
print(table.concat(vals, ","))
