-- Interpreter fast paths (vm/interp.c): __index chains followed inline, new keys created
-- in place, inline equality and float comparisons. Each case checks the corner where the
-- fast path must hand over to the generic one.

-- __index chains of tables: hits at every depth, misses, a chain longer than the inline limit
local function chain(n)
  local base = { deep = "bottom" }
  local t = base
  for i = 1, n do
    local c = setmetatable({ ["k" .. i] = i }, { __index = t })
    t = c
  end
  return t
end
local c5 = chain(5)
print(c5.deep, c5.k1, c5.k5, c5.missing)
local c40 = chain(40)
print(c40.deep, c40.k1, c40.k20, c40.missing)
print(pcall(function() return chain(2100).deep end))

-- a loop of __index tables is an error, reached inline or not
local a, b = {}, {}
setmetatable(a, { __index = b }); setmetatable(b, { __index = a })
print(pcall(function() return a.x end))

-- __index function at the end of a table chain; method calls through the chain
local calls = 0
local root = setmetatable({}, { __index = function(t, k) calls = calls + 1; return k .. "!" end })
local mid = setmetatable({ m = function(self, x) return x * 2 end }, { __index = root })
local obj = setmetatable({}, { __index = mid })
print(obj.zzz, obj:m(21), calls)

-- a metatable gains and loses __index after lookups cached its absence
local mt = {}
local o = setmetatable({}, mt)
for _ = 1, 3 do local _ = o.x end
mt.__index = { x = "now" }
print(o.x)
mt.__index = nil
print(o.x)
rawset(mt, "__index", { x = "raw" })
print(o.x)

-- new keys: fields set in constructors and methods, nil stores, __newindex, weak tables
local p = {}
p.a = 1; p.b = nil; p.c = 3
local keys = {}
for k in pairs(p) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "), p.b)
local log = {}
local guarded = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
guarded.x = 1; guarded.x = 2; guarded[10] = 3; guarded[1.5] = 4
print(table.concat(log, " "), guarded.x, guarded[10], guarded[1.5])
local h = {}
h[2^53] = "f"; h[3.0] = "three"; h[-1] = "neg"
print(h[2^53], h[3], h[-1], math.type(next({ [3.0] = 1 })))
print(pcall(function() local t = {}; t[nil] = 1 end))
print(pcall(function() local t = {}; t[0/0] = 1 end))
local weak = setmetatable({}, { __mode = "k" })
local key = {}
weak[key] = "v"; weak.s = "str"; weak[1] = "one"
print(weak[key], weak.s, weak[1])
local arr = {}
for i = 1, 10 do arr[i] = i * i end
arr[11] = 121
print(#arr, arr[11])

-- equality: strings (short and long), int/float, NaN, tables with and without __eq
local long1 = string.rep("x", 50) .. "y"
local long2 = string.rep("x", 50) .. string.char(121)
print(long1 == long2, long1 ~= long2, "ab" == "a" .. "b", "ab" == "ac")
print(1 == 1.0, 2^53 == 2^53 + 1, math.maxinteger + 0.0 == math.maxinteger, 0/0 == 0/0)
local nan = 0/0
local x = nan
print(x == nan, x ~= nan)
local eqmt = { __eq = function(p1, p2) return p1.v == p2.v end }
local e1, e2, e3 = setmetatable({ v = 1 }, eqmt), setmetatable({ v = 1 }, eqmt), { v = 1 }
print(e1 == e2, e1 == e3, e3 == e1, e1 == e1, e1 ~= e2)
print(print == print, print == tostring, nil == false, true == true, e1 == nil)
local f1 = function() end
print(f1 == f1, f1 == function() end, coroutine.running() == coroutine.running())
local s = "lit"
if s == "lit" then print("eqk string") end
if s ~= "LIT" then print("eqk neq") end
local fl = 2.5
if fl == 2.5 then print("eqk float") end
if 3 == 3.0 then print("int float") end

-- float and mixed order comparisons, NaN
local n1, n2 = 1.5, 2.5
print(n1 < n2, n2 < n1, n1 <= n1, n2 <= n1, nan < 1.0, nan <= nan, 1.0 < nan)
print(1 < 1.5, 2.0 <= 2, math.maxinteger < 2^63, math.mininteger <= -2^63)

-- float arithmetic fast path next to the mixed and metamethod paths
local v = setmetatable({}, { __add = function(p1, p2) return "added" end,
                             __mul = function(p1, p2) return "mul" end })
print(1.5 + 2.25, 1.5 * 4, 3 - 0.5, 7 / 2, 2 ^ 0.5 == math.sqrt(2), 1.5 + 1, 1 + 1.5)
print(v + 1.5, 1.5 * v, "10" + 1.5, pcall(function() return {} - 1.5 end))
