-- gmatch argument errors and pattern errors surfacing from the iterator
print(pcall(string.gmatch))
print(pcall(string.gmatch, "abc"))
print(pcall(string.gmatch, {}, "a"))
local it = string.gmatch("abc", "%")
print(pcall(it))
it = string.gmatch("abc", "[a")
print(pcall(it))
-- the iterator keeps working after being resumed from another coroutine
local it2 = string.gmatch("a b c", "%a")
print(it2())
print(coroutine.wrap(function() return it2() end)())
print(it2())
print(it2())
