-- Matrix multiplication, transpose, identity and power, printed row by row.
local function mat(rows) return rows end
local function mul(a, b)
  local n, m, p = #a, #b, #b[1]
  local c = {}
  for i = 1, n do
    c[i] = {}
    for j = 1, p do
      local s = 0
      for k = 1, m do s = s + a[i][k] * b[k][j] end
      c[i][j] = s
    end
  end
  return c
end
local function transpose(a)
  local t = {}
  for i = 1, #a[1] do t[i] = {} for j = 1, #a do t[i][j] = a[j][i] end end
  return t
end
local function identity(n)
  local m = {}
  for i = 1, n do m[i] = {} for j = 1, n do m[i][j] = i == j and 1 or 0 end end
  return m
end
local function power(a, e)
  local r = identity(#a)
  while e > 0 do
    if e % 2 == 1 then r = mul(r, a) end
    a = mul(a, a); e = e // 2
  end
  return r
end
local function show(m) for _, row in ipairs(m) do print(table.concat(row, " ")) end end
local A = mat{{1, 2, 3}, {4, 5, 6}}
local B = mat{{7, 8}, {9, 10}, {11, 12}}
show(mul(A, B))
show(transpose(A))
show(power({{1, 1}, {1, 0}}, 30))
show(mul({{0.5, 0}, {0, 2}}, {{2, 0}, {0, 0.5}}))
