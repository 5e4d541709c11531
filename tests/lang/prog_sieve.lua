-- Sieve of Eratosthenes: primes below 1000, their count, sum and the last few.
local function sieve(n)
  local is = {}
  for i = 2, n do is[i] = true end
  for i = 2, math.floor(math.sqrt(n)) do
    if is[i] then for j = i * i, n, i do is[j] = false end end
  end
  local primes = {}
  for i = 2, n do if is[i] then primes[#primes + 1] = i end end
  return primes
end
local p = sieve(1000)
local sum = 0
for _, v in ipairs(p) do sum = sum + v end
print(#p, sum)
print(table.concat(p, " ", 1, 15))
print(table.concat(p, " ", #p - 4, #p))
local twins = 0
for i = 2, #p do if p[i] - p[i - 1] == 2 then twins = twins + 1 end end
print("twin pairs", twins)
