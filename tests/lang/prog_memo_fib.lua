-- Memoised Fibonacci via a cache table and via a generic memoize with __index; big values wrap.
local cache = {}
local function fib(n)
  if n <= 2 then return 1 end
  local v = cache[n]
  if v then return v end
  v = fib(n - 1) + fib(n - 2)
  cache[n] = v
  return v
end
print(fib(10), fib(50), fib(90))
print(fib(93))
local function memoize(f)
  return setmetatable({}, {__index = function(t, k) local v = f(k); t[k] = v; return v end})
end
local calls = 0
local fibm
fibm = memoize(function(n) calls = calls + 1; if n <= 2 then return 1 end return fibm[n - 1] + fibm[n - 2] end)
print(fibm[80], calls)
print(fibm[80], calls)
local function fib_float(n) local a, b = 0.0, 1.0 for _ = 1, n do a, b = b, a + b end return a end
print(fib_float(100))
