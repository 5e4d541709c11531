-- An error inside a wrapped coroutine propagates to the caller of the wrap function.
local gen = coroutine.wrap(function()
  coroutine.yield(1)
  error("generator failed")
end)
print(gen())
gen()
