-- Stateful iterators built from closures: counters, list walkers, and a chained map/filter.
local function values(t) local i = 0 return function() i = i + 1 return t[i] end end
local function map(f, it) return function() local v = it() if v ~= nil then return f(v) end end end
local function filter(p, it) return function() local v repeat v = it() until v == nil or p(v) return v end end
local out = {}
for v in map(function(x) return x * x end, filter(function(x) return x % 2 == 1 end, values{1, 2, 3, 4, 5, 6, 7})) do
  out[#out + 1] = v
end
print(table.concat(out, " "))
local function chars(s) local i = 0 return function() i = i + 1 if i <= #s then return i, s:sub(i, i) end end end
for i, c in chars("abc") do io.write(i, c, " ") end
print()
