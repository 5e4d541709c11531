-- Binary trees (Benchmarks Game): allocate and walk many short-lived complete binary trees.
-- Measures allocation and collection of small tables; one long-lived tree stays alive throughout.
-- Prints the node counts of every phase; integers exact in lua5.4 and luajit.

local N = 15

local function bottom_up(depth)
  if depth == 0 then return {} end
  depth = depth - 1
  return { bottom_up(depth), bottom_up(depth) }
end

local function item_check(tree)
  if tree[1] then return 1 + item_check(tree[1]) + item_check(tree[2]) end
  return 1
end

local mindepth = 4
local maxdepth = math.max(mindepth + 2, N)

local stretch = maxdepth + 1
print(string.format("stretch tree of depth %d\t check: %d", stretch, item_check(bottom_up(stretch))))

local longlived = bottom_up(maxdepth)

for depth = mindepth, maxdepth, 2 do
  local iters = 2 ^ (maxdepth - depth + mindepth)
  local check = 0
  for _ = 1, iters do check = check + item_check(bottom_up(depth)) end
  print(string.format("%d\t trees of depth %d\t check: %d", iters, depth, check))
end

print(string.format("long lived tree of depth %d\t check: %d", maxdepth, item_check(longlived)))
