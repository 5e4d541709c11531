-- Loop variables are fresh each iteration: closures made in different iterations do not share them.
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
for _, v in ipairs{"a", "b", "c"} do gs[#gs + 1] = function() return v end end
print(gs[1](), gs[2](), gs[3]())
local hs = {}
local j = 1
while j <= 3 do
  local k = j
  hs[j] = function() k = k + 100; return k end
  j = j + 1
end
print(hs[1](), hs[1](), hs[2](), hs[3]())
local shared = {}
local m = 0
while m < 3 do m = m + 1; shared[m] = function() return m end end
print(shared[1](), shared[2](), shared[3]())
