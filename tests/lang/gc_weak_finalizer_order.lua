-- Weak tables around finalizers (reference manual 2.5.4): a resurrected object is
-- removed from weak values before its finalizer runs, but from weak keys only in the
-- next collection, after the finalizer ran.
-- Grow the VM stack before any object of the test exists: vm/call.c leaves the old
-- stack block intact when it reallocates, and a stale pointer to it would keep its
-- (conservatively scanned) contents alive. See spec/gc.md.
local function grow(n) if n > 0 then return 1 + grow(n - 1) end return 0 end
grow(200)
local C = setmetatable({}, {__mode = "v"})
local C1 = setmetatable({}, {__mode = "k"})
local seen = {}

local function setup()
  local t = {x = 10}
  C.key = t
  C1[t] = 1
  local a = setmetatable({x = t}, {__gc = function(o)
    seen[#seen + 1] = "value gone: " .. tostring(C.key == nil)
    seen[#seen + 1] = "key kept: " .. tostring(next(C1) == o.x)
  end})
end

setup()
collectgarbage()
for _, s in ipairs(seen) do print(s) end
collectgarbage()
print("key gone next cycle:", next(C1) == nil, next(C) == nil)

-- a __gc stored only in a weak-value table is collected before it could run
local function setup2()
  local u = setmetatable({}, {__gc = true})
  setmetatable(getmetatable(u), {__mode = "v"})
  getmetatable(u).__gc = function() print("cannot happen") end
end
setup2()
collectgarbage(); collectgarbage()

-- a weak table reachable only from a finalized object is pruned before the finalizer
local function setup3()
  local u = setmetatable({}, {__gc = true})
  local m = getmetatable(u)
  m.x = setmetatable({[{0}] = 1, [0] = {1}, s = "str"}, {__mode = "kv"})
  m.__gc = function(o)
    local x = getmetatable(o).x
    local keys = {}
    for k in pairs(x) do keys[#keys + 1] = tostring(k) end
    print("finalizer sees:", table.concat(keys, ","))
  end
end
setup3()
collectgarbage(); collectgarbage()
print("done")
