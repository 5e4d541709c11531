-- Upvalues across string.dump + load: a loaded function gets fresh upvalues, the first
-- one set to the global table (whatever its name), the others nil.
local x, y = 10, 20
local function uses_two() return x, y end
local g = load(string.dump(uses_two))
local ok, first, second = pcall(g)
print(ok, first == _G, second)
print(debug.getupvalue(g, 2))
local n1, v1 = debug.getupvalue(g, 1)
print(n1, v1 == _G)
-- setting the upvalues by hand brings the function back to life
debug.setupvalue(g, 1, 1)
debug.setupvalue(g, 2, 2)
print(g())

-- a function whose first upvalue is _ENV sees the globals
answer = 42
local function env_user() return answer end
print(load(string.dump(env_user))())

-- nested closures inside a dumped function still share their upvalues
local function make_counter()
  local n = 0
  local function inc() n = n + 1 return n end
  local function get() return n end
  return inc, get
end
local inc, get = load(string.dump(make_counter))()
inc(); inc()
print(get())

-- upvalues of the loaded copy are independent of the original's
local shared = 0
local function bump() shared = shared + 1 return shared end
local copy = load(string.dump(bump))
debug.setupvalue(copy, 1, 100)
print(bump(), copy(), bump(), copy(), shared)

-- load with an explicit env: the first upvalue gets it
local env = {answer = "from env"}
print(load(string.dump(env_user), "c", "b", env)())
