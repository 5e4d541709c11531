-- Functions with many parameters and locals (register pressure), and deep argument expressions.
local function many(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20)
  local s = a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10
  local t = a11 + a12 + a13 + a14 + a15 + a16 + a17 + a18 + a19 + a20
  return s, t, a20
end
print(many(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20))
print(many(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2))
local function f(x) return x end
print(f(f(f(f(f(f(f(f(f(f("deep")))))))))))
print(((((((((1 + 2) * 3) - 4) / 5) ^ 2) // 1) % 7)))
