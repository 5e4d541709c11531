-- Compiler: closures over loop variables, goto loops, to-be-closed variables, multiple
-- assignment conflicts, varargs, conditions and constant folding, checked against lua5.4.
-- assignment conflicts
local a = {}
local i = 1
i, a[i] = i + 1, "x"
print(i, a[1], a[2])
local t = {}
t, t.x = {}, 5
print(t.x)
up = {}
local function f() up, up.y = 1, 2 end
local saved = up
f()
print(up, saved.y)
local k = "a"
local tt = {}
k, tt[k] = "b", 1
print(k, tt.a, tt.b)
-- closures capturing loop vars with break/goto
local fns = {}
for j = 1, 10 do
  local captured = j * 10
  fns[#fns + 1] = function() return captured end
  if j == 3 then break end
end
print(#fns, fns[1](), fns[3]())
local gs = {}
do
  local n = 0
  ::again::
  local c = n
  gs[#gs + 1] = function() return c end
  n = n + 1
  if n < 3 then goto again end
end
print(gs[1](), gs[2](), gs[3]())
-- while with captured + continue-style goto
local ws = {}
local w = 0
while w < 4 do
  w = w + 1
  local cw = w
  if w % 2 == 0 then goto cont end
  ws[#ws + 1] = function() return cw end
  ::cont::
end
print(#ws, ws[1](), ws[2]())
-- tbc in loops
local log = {}
for q = 1, 2 do
  local h <close> = setmetatable({}, {__close = function() log[#log + 1] = "c" .. q end})
  log[#log + 1] = "b" .. q
end
print(table.concat(log, ","))
local function tbcret()
  local h <close> = setmetatable({}, {__close = function() print("closing in tbcret") end})
  return "ret"
end
print(tbcret())
-- generic for with closing value
local function iter()
  local closer = setmetatable({}, {__close = function() print("iter closed") end})
  local n = 0
  return function() n = n + 1; if n <= 2 then return n end end, nil, nil, closer
end
for v in iter() do io.write(v, " ") end print()
for v in iter() do if v == 1 then break end end
-- deep upvalues
local function l1()
  local x = 1
  return function()
    local y = 2
    return function()
      x = x + 1
      return x + y
    end
  end
end
local l3 = l1()()
print(l3(), l3())
-- varargs in the middle and at the end
local function va(...) return {..., "end"}, {"start", ...}, select('#', ...) end
local p1, p2, n = va(1, 2, 3)
print(#p1, p1[1], p1[2], #p2, p2[4], n)
print(select(-1, 1, 2, 3))
local function pass(...) return ... end
print(pass(1, nil, 3))
print((pass(1, 2)))
-- if-elseif chains
local function classify(x)
  if x < 0 then return "neg" elseif x == 0 then return "zero" elseif x < 10 then return "small" else return "big" end
end
print(classify(-5), classify(0), classify(5), classify(50))
-- complex conditions
local function cond(a, b, c)
  local r = (a and b) or (not c and "nc") or c
  local s = a == b or a ~= c and b
  return r, s
end
print(cond(1, 2, 3), cond(nil, 2, false), cond(false, nil, nil))
local x1, x2 = 3, 4
print(x1 < x2 and x2 < 10, x1 > 2 or error("x"), not (x1 == 3), x1 >= 3.0, 2.5 < x1, x1 == 3.0)
-- numbers in conditions with constants
local z = 5
print(z == 5, z ~= 5, z == "5", z < 200, z > -200, z <= 5.5, 1000 > z)
-- string methods on literals
print(("%d-%s"):format(5, "x"), #"abc" + 1)
-- integer/float for loops
for fi = 3, 1, -1 do io.write(fi, ",") end print()
for fi = 1, 3 do local fi2 = fi; fi2 = fi2 * 2; io.write(fi2, ",") end print()
for fi = 0.1, 0.35, 0.1 do io.write(string.format("%.1f", fi), ",") end print()
for fi = math.maxinteger - 2, math.maxinteger do io.write(fi - math.maxinteger, ",") end print()
-- nested functions and recursion through upvalue
local function outer()
  local function inner(n) if n == 0 then return "done" end return inner(n - 1) end
  return inner(10)
end
print(outer())
-- repeat with local in condition
local r = 0
repeat local stop = r >= 3; r = r + 1 until stop
print(r)
-- table with many items (SETLIST flushes)
local many = {}
for mi = 1, 120 do many[mi] = mi end
local lit = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60, pass(61, 62, 63)}
print(#lit, lit[50], lit[51], lit[63])
-- integer division and modulo of constants
print(7 // 0.0, -7 // 0.0, 0/0 ~= 0/0, 5 % -3, -5 % 3, 5.5 % -2, 3 % math.huge, -3 % math.huge)
print(2^63, math.mininteger // -1, math.mininteger % -1, 1 << 64, 1 >> -1, -1 >> 1)
print(0x10p-1, 0x.8, 1e-3, 3 == 3.0, math.type(3 // 1), math.type(3 / 1))
