-- Many coroutines alive at once, resumed round-robin, each with its own locals.
local cos = {}
for i = 1, 200 do
  cos[i] = coroutine.create(function()
    local acc = i
    for step = 1, 3 do acc = acc + coroutine.yield(acc) end
    return acc
  end)
end
local total = 0
for round = 1, 4 do
  for i = 1, #cos do
    local ok, v = coroutine.resume(cos[i], round)
    if round == 4 then total = total + v end
  end
end
print(total, coroutine.status(cos[1]), coroutine.status(cos[200]))
