-- Call and return hooks see light C functions called from Lua (the interpreter calls
-- them on a fast path of its own), including a hook set or cleared by such a call.
local events = {}
local function hook(ev)
  local info = debug.getinfo(2, "nS")
  events[#events + 1] = ev .. ":" .. tostring(info.name) .. ":" .. info.what
end
local function work()
  local x = math.abs(-3) + select("#", 1, 2)
  local s = string.rep("a", 2) .. tostring(x)
  return type(s), #s, rawlen({1, 2})
end
debug.sethook(hook, "cr")
local a, b, c = work()
debug.sethook()
print(a, b, c)
for _, e in ipairs(events) do print(e) end

-- a count hook set from inside the program still fires between C calls
local n = 0
debug.sethook(function() n = n + 1 end, "", 1)
for i = 1, 50 do local _ = math.max(i, 3) end
debug.sethook()
print("count hook fired", n > 50)

-- C functions returning many, none, and too few results to the caller
local function three() return select(2, "a", "b", "c", "d") end
print(three())
print((select("#")))
local p, q, r = math.max(1, 2)
print(p, q, r)
print(pcall(string.rep))
print(select(-1, 1, 2, 3), table.unpack({1, 2, 3}, 2))
