-- Yields from inside metamethods (__index, __add, __lt, __concat, __eq) and iterators resume correctly.
local mt = {
  __index = function(t, k) return coroutine.yield("index " .. k) end,
  __add = function(a, b) return coroutine.yield("add") end,
  __lt = function(a, b) return coroutine.yield("lt") end,
  __concat = function(a, b) return coroutine.yield("concat") end,
  __eq = function(a, b) return coroutine.yield("eq") end,
}
local obj = setmetatable({}, mt)
local co = coroutine.wrap(function()
  local v = obj.foo
  print("index gave", v)
  print("add gave", obj + 1)
  print("lt gave", obj < obj)
  print("concat gave", obj .. "s")
  print("eq gave", obj == setmetatable({}, mt))
  for i, v in function(_, i) if i < 2 then return coroutine.yield("iter") end end, nil, 0 do
    print("loop", i)
  end
  return "finished"
end)
print(co())
print(co("V"))
print(co(10))
print(co(false))
print(co("C"))
print(co(1))
print(co(1))
print(co(2))
