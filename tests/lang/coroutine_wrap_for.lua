-- coroutine.wrap as a for-loop iterator, including early break leaving the coroutine suspended.
local function gen(n)
  return coroutine.wrap(function()
    for i = 1, n do coroutine.yield(i, i * i) end
  end)
end
for i, sq in gen(4) do io.write(i, ":", sq, " ") end
print()
local g = gen(10)
for i in g do if i == 3 then break end end
print("resumed after break:", g())
