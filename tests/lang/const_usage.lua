-- <const> values in expressions, as table keys, in loops and captured by nested functions.
local N <const> = 4
local NAME <const> = "key"
local t = {[NAME] = N * 2}
print(t.key, N ^ 2, -N, N // 3)
local sum = 0
for i = 1, N do sum = sum + i end
print(sum)
local function outer()
  local K <const> = 10
  return function(x) return x * K + N end
end
print(outer()(3))
local F <const> = 1.5
local B <const> = true
local Z <const> = nil
print(F * 2, not B, Z)
