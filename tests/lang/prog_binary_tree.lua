-- A binary search tree: insert, in-order traversal with a coroutine, height and membership.
local function insert(node, v)
  if not node then return {v = v} end
  if v < node.v then node.l = insert(node.l, v) elseif v > node.v then node.r = insert(node.r, v) end
  return node
end
local function inorder(node)
  if node then inorder(node.l); coroutine.yield(node.v); inorder(node.r) end
end
local function height(node) if not node then return 0 end return 1 + math.max(height(node.l), height(node.r)) end
local function contains(node, v)
  while node do
    if v == node.v then return true end
    node = v < node.v and node.l or node.r
  end
  return false
end
local root
local x = 7
for _ = 1, 30 do x = (x * 37 + 11) % 101; root = insert(root, x) end
local out = {}
for v in coroutine.wrap(function() inorder(root) end) do out[#out + 1] = v end
print(#out, table.concat(out, " "))
print(height(root), contains(root, out[5]), contains(root, 1000))
