-- Nested pcalls: the innermost catches first; rethrowing passes the error outward unchanged.
local function inner() error("inner failure") end
local function middle()
  local ok, e = pcall(inner)
  print("middle caught", ok, e)
  error(e, 0)
end
print(pcall(middle))
print(pcall(pcall, error, "x"))
print(pcall(pcall))
print(pcall(pcall, pcall, error, "deep"))
local ok, v1, v2 = pcall(function() return 1, 2 end)
print(ok, v1, v2)
print(pcall(42))
