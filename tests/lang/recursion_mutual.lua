-- Mutual and non-tail recursion at moderate depth: Ackermann, Hofstadter sequences, tree sums.
local function ack(m, n)
  if m == 0 then return n + 1 end
  if n == 0 then return ack(m - 1, 1) end
  return ack(m - 1, ack(m, n - 1))
end
print(ack(2, 3), ack(3, 3))
local F, M
function F(n) if n == 0 then return 1 end return n - M(F(n - 1)) end
function M(n) if n == 0 then return 0 end return n - F(M(n - 1)) end
local fs, ms = {}, {}
for n = 0, 12 do fs[#fs + 1] = F(n); ms[#ms + 1] = M(n) end
print(table.concat(fs, " "))
print(table.concat(ms, " "))
local function build(d) if d == 0 then return 1 end return {build(d - 1), build(d - 1)} end
local function sum(t) if type(t) == "number" then return t end return sum(t[1]) + sum(t[2]) end
print(sum(build(12)))
