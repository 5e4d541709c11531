-- Drives tests/capi/capimod.c: every line must match what lua5.4 prints with the same
-- module (see tests/capi/run.sh).
local m = require("capimod")
print(m.version)
print(m.repeat_("ab", 3))
local long = m.repeat_("0123456789", 200)
print(#long, long:sub(1, 24), long:sub(-24))
print(m.bufsize(10))
print(select(2, m.bufsize(5000)), m.bufsize(5000):match("^z+$") ~= nil)

local c = m.counter(10, 5)
print(c:next(), c:next(), tostring(c))
print(c:label())
print(pcall(c.next, {}))
print(pcall(m.counter().next, nil))

print(m.refs())
print(m.bump())
print(m.bump())

print(m.callk(function() return "v" end))
local co = coroutine.wrap(function()
  return m.callk(function() return coroutine.yield("y") end)
end)
print(co())
print(co("back"))
print(m.pcallk(function() error("E", 0) end))
print(m.pcallk(function() return "fine" end))
local co2 = coroutine.wrap(function()
  return m.pcallk(function() return coroutine.yield("py") end)
end)
print(co2())
print(co2("pback"))
local co3 = coroutine.wrap(function(...) return m.yieldk(...) end)
print(co3(1, 2))
print(co3("x"))

print(m.stack())
print(m.convert(3.0))
print(m.convert("12"))
print(m.convert("0x1p1"))
print(m.convert({}))
print(m.tolstring())
print(m.pushfstring())

local t = setmetatable({1, 2, 3, name = "tbl"}, {__len = function() return 10 end})
print(m.tables(t))

print(m.where())
print(pcall(m.argerr))
print(pcall(m.argerr, 1, "three"))
print(pcall(m.argerr, 1, "two"))
print(pcall(m.argerr, 1.5))
local obj = {argerr = m.argerr}
print(pcall(function() return obj:argerr() end))
print(m.traceback())
print(m.tostring(nil), m.tostring(1.25), m.tostring(setmetatable({}, {__tostring = function() return "TS" end})))
print(m.gsub("a.b.c", ".", "::"))
print(m.subtable())
print(m.globals())
local function closer(name)
  return setmetatable({}, {__close = function(_, err) print("close", name, err, capimod_trace) end})
end
print(m.toclose(closer("a"), closer("b"), closer("c")))
print(pcall(m.toclose, closer("x"), {}, nil))

-- C hooks that yield (count and line events)
local function body(a)
  local s = 0
  for i = 1, a do s = s + i end
  return s
end
for _, mode in ipairs({{"c", 3}, {"l", 0}, {"c", 1}}) do
  local co = coroutine.create(body)
  m.yieldhook(co, mode[1], mode[2])
  local n, ok, r = 0, nil, nil
  repeat ok, r = coroutine.resume(co, 4); n = n + 1 until coroutine.status(co) == "dead"
  print("yielding hook", mode[1], mode[2], n, ok, r)
end

-- lua_checkstack succeeds far past the default stack, fails past LUAI_MAXSTACK
print(m.checkstack(100))
print(m.checkstack(50000))
print(m.checkstack(990000))
print(m.checkstack(1000000))
print(m.checkstack(2000000))

-- yielding hooks inside nested Lua calls, a metamethod and a pcall
local function inner(n) local s = 0 for i = 1, n do s = s + i end return s end
local function body2(a)
  local r = inner(a) + inner(a)
  local t = setmetatable({}, {__index = function(_, k) return inner(k) end})
  return r + t[3], pcall(inner, 2)
end
for _, mode in ipairs({{"c", 1}, {"l", 0}, {"c", 2}}) do
  local co = coroutine.create(body2)
  m.yieldhook(co, mode[1], mode[2])
  local n, ok, r, r2, r3 = 0
  repeat ok, r, r2, r3 = coroutine.resume(co, 4); n = n + 1 until coroutine.status(co) == "dead"
  print("nested yielding hook", mode[1], mode[2], n, ok, r, r2, r3)
end
