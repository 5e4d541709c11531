-- debug.getinfo "n": names of globals, locals, methods, fields, metamethods, for iterators, tail calls
local function nm(i) return tostring(i.name) .. "/" .. i.namewhat end
local function here() return nm(debug.getinfo(1, "n")) end
print(here())
gfun = here print(gfun())
local obj = { m = here } print(obj.m(), obj:m())
local mt = {
  __index = function() return nm(debug.getinfo(1, "n")) end,
  __add = function() return nm(debug.getinfo(1, "n")) end,
  __call = function() return nm(debug.getinfo(1, "n")) end,
  __concat = function() return nm(debug.getinfo(1, "n")) end,
  __len = function() return nm(debug.getinfo(1, "n")) end,
  __unm = function() return nm(debug.getinfo(1, "n")) end,
  __lt = function() print(nm(debug.getinfo(1, "n"))) return true end,
}
local p = setmetatable({}, mt)
print(p.anything, p + 1, p(), p .. "x", #p, -p)
print(p < p)
for v in function(_, c) if not c then return nm(debug.getinfo(1, "n")) end end do print(v) end
local function tail() return here() end
print(tail())
local co = coroutine.wrap(function() return nm(debug.getinfo(1, "n")) end) print(co())
print(pcall(here))
