-- __mode at setmetatable: 'k', 'v', 'kv'; strings are never removed; a table whose
-- new metatable has no __mode becomes strong again.
-- Grow the VM stack before any object of the test exists: vm/call.c leaves the old
-- stack block intact when it reallocates, and a stale pointer to it would keep its
-- (conservatively scanned) contents alive. See spec/gc.md.
local function grow(n) if n > 0 then return 1 + grow(n - 1) end return 0 end
grow(200)
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end

local function fill(t)
  for i = 1, 10 do t[i] = {} end                  -- array part, collectable values
  for i = 1, 10 do t["s" .. i] = {} end           -- string keys, collectable values
  for i = 1, 10 do t[{}] = i end                  -- collectable keys
  t.keep = "a string value"
  t[string.rep("k", 50)] = string.rep("v", 50)
  return t
end

local kv = fill(setmetatable({}, {__mode = "kv"}))
local v = fill(setmetatable({}, {__mode = "v"}))
local k = fill(setmetatable({}, {__mode = "k"}))
collectgarbage(); collectgarbage()
print("kv:", count(kv), kv.keep, kv[string.rep("k", 50)] == string.rep("v", 50))
print("v:", count(v), v.keep)
print("k:", count(k), k.keep, type(k[1]), type(k.s1))

-- back to strong: entries added afterwards stay
local t = setmetatable({}, {__mode = "v"})
setmetatable(t, {})
for i = 1, 5 do t[i] = {} end
collectgarbage()
print("strong again:", count(t))

-- weak again after being strong, with existing entries moved over
local w = {}
for i = 1, 5 do w[{}] = {} end
local anchor = {}
w[anchor] = {}
setmetatable(w, {__mode = "k"})
collectgarbage(); collectgarbage()
print("converted to weak keys:", count(w), type(w[anchor]))

-- growing a weak table during many collections keeps what is referenced
local live = {}
local big = setmetatable({}, {__mode = "k"})
for i = 1, 2000 do
  local key = {}
  big[key] = {i}
  if i % 100 == 0 then live[#live + 1] = key end
end
collectgarbage(); collectgarbage()
local ok = true
for i, key in ipairs(live) do ok = ok and big[key][1] == i * 100 end
print("live keys after growth:", count(big), ok)
