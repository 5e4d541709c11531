-- Yield from deep inside nested Lua calls; resuming continues where it stopped.
local function depth(n)
  if n == 0 then return coroutine.yield("bottom") end
  return "d" .. n .. "(" .. depth(n - 1) .. ")"
end
local co = coroutine.create(function() return depth(5) end)
print(coroutine.resume(co))
print(coroutine.resume(co, "x"))
local co2 = coroutine.create(function()
  local function rec(n) if n == 0 then coroutine.yield(n) else rec(n - 1) coroutine.yield(n) end end
  rec(3)
end)
local got = {}
while true do
  local ok, v = coroutine.resume(co2)
  if not ok or v == nil then break end
  got[#got + 1] = v
end
print(table.concat(got, " "), coroutine.status(co2))
