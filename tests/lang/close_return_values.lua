-- Return values are computed before __close runs; __close cannot change them.
local function f()
  local v = {n = 1}
  local c <close> = setmetatable({}, {__close = function() v.n = 99 end})
  return v.n, v
end
local n, v = f()
print(n, v.n)
local function g()
  local c <close> = setmetatable({}, {__close = function() print("closing g") end})
  return (function() print("computing result") return "result" end)()
end
print(g())
