-- The debug library around locals, upvalues and hooks: vararg locals (negative indices),
-- setlocal, temporaries "(temporary)", upvalueid/upvaluejoin, getinfo option letters,
-- count and line hooks, gethook, and traceback levels and messages.
local function va(...)
  local a = 1
  local names = {}
  for i = -1, -4, -1 do
    local n, v = debug.getlocal(1, i)
    names[#names + 1] = tostring(n) .. "=" .. tostring(v)
  end
  print(table.concat(names, " "), debug.getlocal(1, 1))
  print(debug.setlocal(1, 1, 42), a, debug.setlocal(1, -1, "x"), ..., debug.setlocal(1, 99, 0))
end
va("p", "q")

print(debug.getlocal(print, 1), debug.getlocal(va, 1), debug.getlocal(function(x, y) end, 2))
print(pcall(debug.getlocal, 50, 1))

local u1, u2 = 1, 2
local function f1() return u1 end
local function f2() return u2 end
print(debug.upvalueid(f1, 1) == debug.upvalueid(f2, 1), debug.getupvalue(f1, 1), debug.getupvalue(f2, 1))
debug.upvaluejoin(f1, 1, f2, 1)
print(f1(), debug.upvalueid(f1, 1) == debug.upvalueid(f2, 1), debug.setupvalue(f1, 1, 7), f2())
print(pcall(debug.upvalueid, f1, 5), pcall(debug.upvaluejoin, f1, 3, f2, 1))
print(debug.getupvalue(print, 1), debug.getupvalue(string.gmatch("a", "a"), 1))

local info = debug.getinfo(va, "SlutL")
print(info.what, info.short_src, info.linedefined, info.lastlinedefined, info.nups, info.nparams,
      info.isvararg, info.currentline)
local lines = {} for l in pairs(info.activelines) do lines[#lines + 1] = l end
table.sort(lines) print(table.concat(lines, ","))
local ci = debug.getinfo(print, "S")
print(ci.what, ci.short_src, ci.source, ci.linedefined)
print(pcall(debug.getinfo, 1, ">"), pcall(debug.getinfo, {}, "S"))
print(debug.getinfo(100), select("#", debug.getinfo(1, "")))
local function tail() return debug.getinfo(1, "t").istailcall end
local function calltail() return tail() end
print(calltail(), (tail()))

-- hooks
local count = 0
debug.sethook(function(ev) count = count + 1 end, "", 100)
for i = 1, 1000 do local x = i * 2 end
local hf, hm, hc = debug.gethook()
debug.sethook()
print(count > 5, type(hf), hm, hc, debug.gethook())
local evs = {}
local function target(x)
  local y = x + 1
  return y
end
debug.sethook(function(ev, line)
  local i = debug.getinfo(2, "S")
  if i.short_src == "debug_locals_hooks.lua" then evs[#evs + 1] = ev .. (line and (":" .. line) or "") end
end, "crl")
target(1)
debug.sethook()
print(table.concat(evs, " "))

-- traceback
print((debug.traceback("msg", 1):gsub("\n.*", "")))
print(debug.traceback(nil) == nil, debug.traceback({}) ~= nil, debug.traceback(12))
local co = coroutine.create(function() coroutine.yield() end)
coroutine.resume(co)
print((debug.traceback(co, "co", 0):gsub("\t", " ")))
print(debug.getinfo(co, 1, "S") and debug.getinfo(co, 1, "S").what, debug.getlocal(co, 1, 1))
