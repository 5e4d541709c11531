-- Closures over the same variable share one upvalue; closing a block gives each closure its copy.
local fs = {}
for i = 1, 2 do
  local shared = 0
  fs[i] = {
    inc = function() shared = shared + 1 return shared end,
    get = function() return shared end,
  }
end
fs[1].inc(); fs[1].inc(); fs[2].inc()
print(fs[1].get(), fs[2].get())
local function make()
  local x = 0
  local function set(v) x = v end
  local function get() return x end
  return set, get
end
local s1, g1 = make()
local s2, g2 = make()
s1(10); s2(20)
print(g1(), g2())
