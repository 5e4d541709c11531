-- A ring of coroutines passing a token: each one resumes the next with the token decremented,
-- so every hop is a resume/yield pair. Then a generator pipeline (producer -> filter -> consumer)
-- built with coroutine.wrap. Prints which coroutine held the token last and pipeline checksums.

local RING = 503
local HOPS = 4000000
local PIPELINE = 600000

-- The classic thread-ring: a scheduler loop hands the token from one coroutine to the next.
local function ring(size, hops)
  local threads = {}
  for id = 1, size do
    threads[id] = coroutine.create(function(token)
      while true do
        if token == 0 then return id end
        token = coroutine.yield(token - 1)
      end
    end)
  end
  local token, id = hops, 1
  while true do
    local ok, result = coroutine.resume(threads[id], token)
    if not ok then error(result) end
    if coroutine.status(threads[id]) == "dead" then return result end
    token = result
    id = id % size + 1
  end
end

local function producer(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i) end
  end)
end

local function filter(source, keep)
  return coroutine.wrap(function()
    for v in source do
      if keep(v) then coroutine.yield(v) end
    end
  end)
end

local function mapper(source, f)
  return coroutine.wrap(function()
    for v in source do coroutine.yield(f(v)) end
  end)
end

print(string.format("ring of %d, %d hops: token ends at coroutine %d", RING, HOPS, ring(RING, HOPS)))

local count, sum = 0, 0
local stage = mapper(filter(producer(PIPELINE), function(v) return v % 3 ~= 0 end),
                     function(v) return v * 2 + 1 end)
for v in stage do
  count = count + 1
  sum = (sum + v) % 1000000007
end
print(string.format("pipeline of %d: %d values, sum %d", PIPELINE, count, sum))
