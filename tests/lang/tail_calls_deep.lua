-- Proper tail calls do not grow the stack: 100000 levels of tail recursion succeed.
local function loop(n, acc)
  if n == 0 then return acc end
  return loop(n - 1, acc + 1)
end
print(loop(100000, 0))
local even, odd
function even(n) if n == 0 then return "even" end return odd(n - 1) end
function odd(n) if n == 0 then return "odd" end return even(n - 1) end
print(even(100001), even(100000))
local obj = {n = 0}
function obj:count(k) if k == 0 then return self.n end self.n = self.n + 1 return self:count(k - 1) end
print(obj:count(100000))
