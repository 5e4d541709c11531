-- '...' expands in table constructors only in the last position, and is truncated elsewhere.
local function f(...)
  local a = {...}
  local b = {..., "end"}
  local c = {"start", ...}
  return #a, #b, #c, b[1], b[2], c[4]
end
print(f(1, 2, 3))
local function g(...) return {n = select('#', ...), ...} end
local t = g(nil, nil)
print(t.n, t[1], t[2])
local function h(...) local x, y = ..., "second"; return x, y end
print(h(1, 2, 3))
