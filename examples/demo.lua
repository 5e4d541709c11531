-- A short tour of Lua 5.4 as Cove runs it (`make demo`): closures, coroutines, metatables,
-- string formatting, and a few things new in 5.4 (integers, //, bit operators, <close>).
-- Runs in well under a second and prints about twenty lines.

local function section(title) print(("-- %s "):format(title) .. ("-"):rep(50 - #title)) end

section("closures")
-- Each counter owns its own upvalue; the two closures returned by one call share it.
local function counter(start)
  local n = start
  return function() n = n + 1; return n end, function() return n end
end
local next_a, peek_a = counter(0)
local next_b = counter(100)
next_a(); next_a(); next_b()
print(string.format("counter a = %d, counter b = %d", peek_a(), next_b()))

-- A memoising wrapper: the cache lives in the closure, not in a global.
local function memoize(f)
  local cache = {}
  return function(n)
    local v = cache[n]
    if v == nil then v = f(n); cache[n] = v end
    return v
  end
end
local fib
fib = memoize(function(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end)
print(string.format("fib(90) = %d (an exact 64-bit integer)", fib(90)))

section("coroutines")
-- A generator: primes produced lazily, one resume at a time.
local function primes()
  return coroutine.wrap(function()
    local found = {}
    local n = 2
    while true do
      local is_prime = true
      for _, p in ipairs(found) do
        if p * p > n then break end
        if n % p == 0 then is_prime = false; break end
      end
      if is_prime then found[#found + 1] = n; coroutine.yield(n) end
      n = n + 1
    end
  end)
end
local first = {}
for p in primes() do
  if #first == 15 then break end
  first[#first + 1] = p
end
print("first primes: " .. table.concat(first, " "))

-- Two coroutines taking turns: a ping-pong through resume and yield.
local ping = coroutine.create(function(msg)
  for i = 1, 3 do msg = coroutine.yield(msg .. " ping" .. i) end
  return msg .. " done"
end)
local msg, turns = "serve", 0
while coroutine.status(ping) ~= "dead" do
  local _, out = coroutine.resume(ping, msg)
  turns = turns + 1
  msg = coroutine.status(ping) == "dead" and out or out .. " pong"
end
print(string.format("%s (%d resumes)", msg, turns))

section("metatables")
-- A 2-D vector class: arithmetic, equality, length and printing through metamethods.
local Vec = {}
Vec.__index = Vec
local function vec(x, y) return setmetatable({ x = x, y = y }, Vec) end
Vec.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
Vec.__mul = function(a, k) return vec(a.x * k, a.y * k) end
Vec.__eq = function(a, b) return a.x == b.x and a.y == b.y end
Vec.__len = function(v) return math.sqrt(v.x * v.x + v.y * v.y) end
Vec.__tostring = function(v) return string.format("(%g, %g)", v.x, v.y) end
function Vec:dot(o) return self.x * o.x + self.y * o.y end

local a, b = vec(3, 4), vec(1, -2)
print(string.format("a + b = %s, a * 2 = %s, |a| = %g, a.b = %d, a == vec(3,4): %s",
  tostring(a + b), tostring(a * 2), #a, a:dot(b), tostring(a == vec(3, 4))))

-- Inheritance is just a chain of __index tables.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound) return setmetatable({ name = name, sound = sound }, Animal) end
function Animal:speak() return self.name .. " says " .. self.sound end
local Dog = setmetatable({}, { __index = Animal })
Dog.__index = Dog
function Dog.new(name) return setmetatable(Animal.new(name, "woof"), Dog) end
function Dog:fetch() return self.name .. " fetches the ball" end
local rex = Dog.new("Rex")
print(rex:speak() .. "; " .. rex:fetch())

-- Default values through an __index function.
local defaults = setmetatable({}, { __index = function(_, key) return "<" .. key .. " unset>" end })
defaults.colour = "teal"
print("colour = " .. defaults.colour .. ", size = " .. defaults.size)

section("string formatting")
local planets = {
  { "Mercury", 0.387, 0.055 }, { "Venus", 0.723, 0.815 },
  { "Earth", 1.000, 1.000 }, { "Mars", 1.524, 0.107 },
}
print(string.format("%-8s %12s %12s", "planet", "orbit (AU)", "mass (Earth)"))
for _, p in ipairs(planets) do
  print(string.format("%-8s %12.3f %12.3f", p[1], p[2], p[3]))
end
print(("%q"):format("tabs\tand \"quotes\"") .. "  " .. ("%5.1f%%"):format(99.5) .. "  " ..
      ("hex %x, octal %o, char %c"):format(255, 8, 76))

section("new in Lua 5.4")
print(string.format("7 // 2 = %d, 7 / 2 = %s, math.type(7) = %s, math.type(3.5) = %s",
  7 // 2, tostring(7 / 2), math.type(7), math.type(3.5)))
print(string.format("0xF0 | 0x0F = %d, 1 << 10 = %d, ~0 = %d, maxinteger + 1 == mininteger: %s",
  0xF0 | 0x0F, 1 << 10, ~0, tostring(math.maxinteger + 1 == math.mininteger)))
do
  -- A to-be-closed variable: its __close runs when the block ends, however it ends.
  local log = {}
  do
    local res <close> = setmetatable({}, { __close = function() log[#log + 1] = "closed" end })
    log[#log + 1] = "using resource"
  end
  print(table.concat(log, ", then "))
end
