-- Closures: creating many closures, reading and writing shared upvalues, closing upvalues of loop
-- variables, and calling through higher-order helpers (map, fold, compose, counters).
-- Prints integer checksums; all arithmetic stays exact in lua5.4 and luajit.

local ROUNDS = 1300
local SIZE = 2000

local function make_counter()
  local count = 0
  return function(step) count = count + step; return count end,
         function() return count end
end

local function compose(f, g) return function(x) return f(g(x)) end end

local function map(list, f)
  local out = {}
  for i = 1, #list do out[i] = f(list[i]) end
  return out
end

local function fold(list, f, acc)
  for i = 1, #list do acc = f(acc, list[i]) end
  return acc
end

local function adder(n) return function(x) return x + n end end

local function round(r)
  local list = {}
  for i = 1, SIZE do list[i] = (i * r) % 1000 end

  -- One fresh closure per element, each capturing its own loop variable.
  local getters = {}
  for i = 1, SIZE do getters[i] = function() return list[i] + i end end
  local sum = 0
  for i = 1, SIZE do sum = sum + getters[i]() end

  -- Shared upvalues: two closures over the same variable.
  local inc, get = make_counter()
  for i = 1, SIZE do inc(i % 7) end

  -- Higher-order pipelines: a new closure chain per round.
  local f = compose(adder(r), compose(adder(1), function(x) return x * 2 end))
  local mapped = map(list, f)
  local folded = fold(mapped, function(a, b) return (a + b) % 1000003 end, 0)

  -- Deep upvalue chains: a closure reaching variables three function levels out.
  local a = r
  local function level1()
    local b = a + 1
    return function()
      local c = b + 1
      return function() a = a + 1; return a + b + c end
    end
  end
  local deep = level1()()
  local d = 0
  for _ = 1, SIZE do d = d + deep() end

  return (sum + get() + folded + d) % 1000000007
end

local checksum = 0
for r = 1, ROUNDS do checksum = (checksum + round(r)) % 1000000007 end
print(string.format("%d rounds of %d: checksum %d", ROUNDS, SIZE, checksum))
