-- Fannkuch-redux (Benchmarks Game): all permutations of 1..N, counting pancake flips.
-- Integer array shuffling in tight loops; no allocation after set-up.
-- Prints the checksum and the maximum number of flips.

local N = 9
local REPEAT = 5  -- N = 10 would take ~10x as long as N = 9; repeat N = 9 instead

local function fannkuch(n)
  local perm, perm1, count = {}, {}, {}
  local maxflips, checksum, permcount = 0, 0, 0
  for i = 1, n do perm1[i] = i end
  local r = n
  while true do
    while r ~= 1 do count[r] = r; r = r - 1 end
    for i = 1, n do perm[i] = perm1[i] end
    local flips = 0
    local k = perm[1]
    while k ~= 1 do
      -- Reverse the first k elements.
      local lo, hi = 1, k
      while lo < hi do
        perm[lo], perm[hi] = perm[hi], perm[lo]
        lo = lo + 1; hi = hi - 1
      end
      flips = flips + 1
      k = perm[1]
    end
    if flips > maxflips then maxflips = flips end
    if permcount % 2 == 0 then checksum = checksum + flips else checksum = checksum - flips end
    -- Next permutation: rotate prefixes, counting how often each length has turned.
    while true do
      if r == n then return checksum, maxflips end
      local perm0 = perm1[1]
      for i = 1, r do perm1[i] = perm1[i + 1] end
      perm1[r + 1] = perm0
      count[r + 1] = count[r + 1] - 1
      if count[r + 1] > 0 then break end
      r = r + 1
    end
    permcount = permcount + 1
  end
end

local checksum, maxflips
for _ = 1, REPEAT do checksum, maxflips = fannkuch(N) end
print(string.format("%d\nPfannkuchen(%d) = %d", checksum, N, maxflips))
