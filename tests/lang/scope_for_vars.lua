-- for-loop control variables are local to the loop; the outer variable of the same name is untouched.
local i = "outer"
for i = 1, 2 do end
print(i)
local k, v = "ok", "ov"
for k, v in pairs({a = 1}) do end
print(k, v)
for i = 1, 1 do
  local i = "shadowed inside"
  print(i)
end
