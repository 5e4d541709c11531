-- A double-ended queue and a stack implemented with tables, used for a breadth-first search.
local Deque = {}
Deque.__index = Deque
function Deque.new() return setmetatable({first = 0, last = -1, items = {}}, Deque) end
function Deque:push_back(v) self.last = self.last + 1; self.items[self.last] = v end
function Deque:push_front(v) self.first = self.first - 1; self.items[self.first] = v end
function Deque:pop_front()
  if self.first > self.last then return nil end
  local v = self.items[self.first]; self.items[self.first] = nil; self.first = self.first + 1
  return v
end
function Deque:pop_back()
  if self.first > self.last then return nil end
  local v = self.items[self.last]; self.items[self.last] = nil; self.last = self.last - 1
  return v
end
function Deque:size() return self.last - self.first + 1 end
local d = Deque.new()
for i = 1, 5 do d:push_back(i) end
d:push_front(0)
print(d:size(), d:pop_front(), d:pop_back(), d:pop_front(), d:size())
local stack = {}
for _, c in ipairs{"a", "b", "c"} do stack[#stack + 1] = c end
local popped = {}
while #stack > 0 do popped[#popped + 1] = table.remove(stack) end
print(table.concat(popped))
local graph = {a = {"b", "c"}, b = {"d"}, c = {"d", "e"}, d = {"f"}, e = {"f"}, f = {}}
local function bfs(start, goal)
  local q, prev, seen = Deque.new(), {}, {[start] = true}
  q:push_back(start)
  while q:size() > 0 do
    local node = q:pop_front()
    if node == goal then
      local path = {}
      while node do table.insert(path, 1, node); node = prev[node] end
      return table.concat(path, "->")
    end
    for _, nxt in ipairs(graph[node]) do
      if not seen[nxt] then seen[nxt] = true; prev[nxt] = node; q:push_back(nxt) end
    end
  end
end
print(bfs("a", "f"), bfs("c", "f"), bfs("f", "a"))
