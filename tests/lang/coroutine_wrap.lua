-- coroutine.wrap returns a function that resumes and rethrows errors (with position for strings).
local gen = coroutine.wrap(function()
  for i = 1, 3 do coroutine.yield(i) end
  return "last"
end)
print(gen(), gen(), gen(), gen())
print(pcall(gen))
local failing = coroutine.wrap(function() error("oops") end)
print(pcall(failing))
local failing2 = coroutine.wrap(function() error({code = 7}) end)
local ok, e = pcall(failing2)
print(ok, type(e), e.code)
local nested = coroutine.wrap(function() local x = nil; return x.field end)
print(pcall(nested))
