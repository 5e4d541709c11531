-- Varargs passed through several calls, mixed with fixed parameters, and counted at each level.
local function inner(a, ...) return a, select('#', ...), ... end
local function outer(...) return inner(...) end
print(outer())
print(outer(1))
print(outer(1, 2, nil))
local function fixed(a, b, ...) return a, b, select('#', ...) end
print(fixed(1))
print(fixed(1, 2, 3, 4))
local function sum(...)
  local s = 0
  for i = 1, select('#', ...) do s = s + (select(i, ...)) end
  return s
end
print(sum(1, 2, 3, 4, 5), sum())
