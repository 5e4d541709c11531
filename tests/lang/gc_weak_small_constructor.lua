-- Small tables made by constructors keep their first hash nodes inside the table's
-- own block (vm/table.c, INLINE_NODES_MAX). When the nodes move (growth, or becoming
-- weak) the old inline copy must not keep the keys and values alive.
local probe = setmetatable({}, {__mode = "k"})

local function count(t)
  local n = 0
  for _ in pairs(t) do n = n + 1 end
  return n
end

-- 1. A constructor table that becomes weak-valued: its value must be collectable.
local function make_weak()
  local obj = {}
  probe[obj] = "weak-valued"
  local t = setmetatable({a = obj, b = 1}, {__mode = "v"})
  return t
end
local w = make_weak()
collectgarbage()
collectgarbage()
print("weak-valued entry gone", w.a == nil, w.b)

-- 2. A constructor table that grows, then drops the value: collectable.
local function make_grown()
  local obj = {}
  probe[obj] = "grown"
  local t = {a = obj, b = 2}
  for i = 1, 10 do t["k" .. i] = i end
  t.a = nil
  return t
end
local g = make_grown()
collectgarbage()
collectgarbage()
print("grown table keys", count(g), g.b, g.k10)

local left = {}
for _, v in pairs(probe) do left[#left + 1] = v end
table.sort(left)
print("still referenced:", #left, table.concat(left, ","))

-- 3. Behaviour of small constructor tables themselves.
local r = {x = 1, y = 2, z = 3}
r.w = 4          -- fills the last inline node
r.v = 5          -- forces a move out of the inline nodes
r.x = nil
print(r.x, r.y, r.z, r.w, r.v, count(r))
local e = {p = 1}
e.p = nil
e.q = 2
print(e.p, e.q, next(e))
