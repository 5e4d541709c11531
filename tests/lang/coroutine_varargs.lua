-- Values through resume/yield keep their count, including nils and none.
local co = coroutine.create(function(...)
  print("args", select('#', ...), ...)
  print("yield got", select('#', coroutine.yield()))
  print("yield got", select('#', coroutine.yield(nil, nil)))
  return
end)
print(select('#', coroutine.resume(co, nil, 2, nil)))
print(select('#', coroutine.resume(co)))
print(select('#', coroutine.resume(co, 1, 2, 3)))
local many = coroutine.wrap(function() coroutine.yield(table.unpack({}, 1, 200)) end)
print(select('#', many()))
