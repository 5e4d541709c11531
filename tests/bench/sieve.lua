-- Sieve of Eratosthenes, run REPEAT times over 1..N with a fresh boolean array each time.
-- Array stores and loads with a computed stride; the table is refilled every round.
-- Prints the prime count, the largest prime and the sum of all primes (exact integers).

local N = 1000000
local REPEAT = 30

local function sieve(n)
  local composite = {}
  for i = 1, n do composite[i] = false end
  local count, largest, sum = 0, 0, 0
  for i = 2, n do
    if not composite[i] then
      count = count + 1
      largest = i
      sum = sum + i
      for j = i * i, n, i do composite[j] = true end
    end
  end
  return count, largest, sum
end

local count, largest, sum
for _ = 1, REPEAT do count, largest, sum = sieve(N) end
print(string.format("primes up to %d: %d, largest %d, sum %d", N, count, largest, sum))
