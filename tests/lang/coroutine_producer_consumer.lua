-- A producer/consumer pair over coroutines, with a filter in the middle.
local function producer()
  return coroutine.create(function()
    for _, line in ipairs{"alpha", "beta", "gamma", "delta"} do coroutine.yield(line) end
  end)
end
local function receive(p) local ok, v = coroutine.resume(p) return v end
local function numbered(p)
  return coroutine.create(function()
    local n = 1
    while true do
      local v = receive(p)
      if v == nil then return end
      coroutine.yield(string.format("%2d %s", n, v))
      n = n + 1
    end
  end)
end
local p = numbered(producer())
while true do
  local line = receive(p)
  if not line then break end
  print(line)
end
