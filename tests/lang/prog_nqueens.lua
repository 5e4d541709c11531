-- N-queens by backtracking: solution counts for n = 1..8 and the first solution for n = 8.
local function solve(n, want_first)
  local cols, d1, d2, pos, count, first = {}, {}, {}, {}, 0, nil
  local function place(r)
    if r > n then
      count = count + 1
      if not first then first = table.concat(pos, " ") end
      return
    end
    for c = 1, n do
      if not cols[c] and not d1[r + c] and not d2[r - c + n] then
        cols[c], d1[r + c], d2[r - c + n], pos[r] = true, true, true, c
        place(r + 1)
        cols[c], d1[r + c], d2[r - c + n] = false, false, false
      end
    end
  end
  place(1)
  return count, first
end
local counts = {}
for n = 1, 8 do counts[n] = (solve(n)) end
print(table.concat(counts, " "))
print(select(2, solve(8)))
