-- __index as a function receives the table and the key; its first result is the value.
local calls = 0
local t = setmetatable({present = 1}, {__index = function(tab, key)
  calls = calls + 1
  return key .. "!", "ignored"
end})
print(t.present, t.foo, t[1], calls)
local squares = setmetatable({}, {__index = function(self, n)
  local v = n * n; rawset(self, n, v); return v
end})
print(squares[4], squares[12], rawget(squares, 4), rawget(squares, 5))
local chain = setmetatable({}, {__index = setmetatable({}, {__index = function(_, k) return "deep " .. k end})})
print(chain.x)
