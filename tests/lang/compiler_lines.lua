-- Compiler: line numbers of run-time errors and of line hooks in multi-line statements,
-- and the variable names that error messages get from the bytecode.
local function line() return debug.getinfo(2, "l").currentline end
local function try(f) local ok, e = pcall(f) print(e) end
try(function()
  local t = nil
  return t
    .x
end)
try(function()
  local a = 1
  local b = {}
  return a
    +
    b
end)
try(function()
  local f
  f(
    1,
    2
  )
end)
try(function()
  local t = {}
  t.a.b
    .c = 1
end)
try(function()
  return {
    1,
    2,
    nil + 1,
  }
end)
try(function()
  local s = "a" ..
    {} ..
    "b"
end)
try(function()
  local x = undefined_fn
  x()
end)
try(function()
  local t = setmetatable({}, {__index = function(t, k) error("idx " .. k) end})
  return t.foo
end)
print(line(),
  line(),
  line())
local t = {
  line(),
  k = line(),
}
print(t[1], t.k)
if line() then print(line()) end
for i = 1, line() - 60 do print("for", line()) end
while line() < 0 do end
local x = line() and
  line()
print(x)
local function multi()
  return line(),
    line()
end
print(multi())
try(function()
  for i = 1, 2 do
    local z = i .. nil
  end
end)
try(function()
  local obj = {}
  obj:method(
    1)
end)
try(function()
  local a = {}
  return #a.b.c
end)
try(function() return math.huge // 0 < {} end)
try(function() local up = {} ; return (function() return up.x.y end)() end)
try(function() return ("x")() end)
try(function() return -{} end)
try(function() local a = "x" return a.b.c end)
try(function() return _ENV.nothing.x end)
try(function() local _ENV = {} return y.z end)
