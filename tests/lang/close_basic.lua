-- <close> variables call __close when their scope ends, in reverse declaration order.
local function closer(name)
  return setmetatable({}, {__close = function(self, err) print("close", name, err) end})
end
do
  local a <close> = closer("a")
  local b <close> = closer("b")
  local c <close> = nil
  local d <close> = false
  print("body")
end
print("after")
local function f()
  local x <close> = closer("x")
  return "returned"
end
print(f())
