-- Ephemerons (weak keys, strong values): a value is reachable exactly while its key
-- is, even when the value refers back to its own key or to other keys of the table.
-- Grow the VM stack before any object of the test exists: vm/call.c leaves the old
-- stack block intact when it reallocates, and a stale pointer to it would keep its
-- (conservatively scanned) contents alive. See spec/gc.md.
local function grow(n) if n > 0 then return 1 + grow(n - 1) end return 0 end
grow(200)
local function count(t) local n = 0 for _ in pairs(t) do n = n + 1 end return n end
local eph = setmetatable({}, {__mode = "k"})

local function fill(n)
  -- a chain: each value refers to the previous key; only the last key is returned
  local prev
  for i = 1, n do
    local k = {id = i}
    eph[k] = {prev = prev, self = k}
    prev = k
  end
  return prev
end

local head = fill(50)
collectgarbage(); collectgarbage()
local n, k = 0, head
while k do n = n + 1; k = eph[k].prev end
print("chain kept while its head is alive:", n, count(eph))

head = nil
collectgarbage(); collectgarbage()
print("chain gone with its head:", count(eph))

-- overwriting and removing values of live keys
local key = {}
eph[key] = {1}
eph[key] = {2}            -- existing slot: goes through the table module
collectgarbage()
print("overwritten value kept:", eph[key][1])
eph[key] = "str"
collectgarbage()
print("string value:", eph[key])
eph[key] = nil
collectgarbage()
print("removed:", eph[key], count(eph))

-- non-collectable and string keys are strong
local function strong() eph[1] = {}; eph.name = {}; eph[true] = {} end
strong()
collectgarbage()
print("strong keys:", type(eph[1]), type(eph.name), type(eph[true]))
