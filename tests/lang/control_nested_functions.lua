-- Functions defined inside loops and conditionals, and immediately invoked function expressions.
local results = {}
for i = 1, 3 do
  local function square() return i * i end
  results[#results + 1] = square()
end
print(table.concat(results, " "))
print((function(a, b) return a * b end)(6, 7))
local ops = {}
if true then function ops.add(a, b) return a + b end end
function ops.nested() return function() return "inner" end end
print(ops.add(1, 2), ops.nested()())
