-- debug.getinfo on functions
local function f(a, b, ...)
  return a
end
local i = debug.getinfo(f)
print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined)
print(i.nups, i.nparams, i.isvararg, i.func == f, i.currentline)
local s = debug.getinfo(f, "S")
print(s.what, s.currentline, s.nups)
local u = debug.getinfo(f, "u")
print(u.nups, u.nparams, u.isvararg, u.source)
local c = debug.getinfo(print)
print(c.what, c.short_src, c.source, c.linedefined, c.lastlinedefined, c.nparams, c.isvararg, c.nups)
local m = debug.getinfo(1, "S")
print(m.what, m.short_src, m.linedefined)
local g = function(x) end
print(debug.getinfo(g, "u").nparams, debug.getinfo(g, "u").isvararg)
