-- For integers, a == (a // b) * b + a % b holds for all sign combinations, including extremes.
local vals = {0, 1, -1, 2, -2, 7, -7, 13, -13, math.maxinteger, math.mininteger, math.maxinteger - 1}
local ok, checked = true, 0
for _, a in ipairs(vals) do
  for _, b in ipairs(vals) do
    if b ~= 0 then
      checked = checked + 1
      local q, r = a // b, a % b
      if q * b + r ~= a then ok = false; print("identity fails", a, b) end
      if r ~= 0 and (r < 0) ~= (b < 0) then ok = false; print("sign fails", a, b) end
    end
  end
end
print(ok, checked)
print(math.mininteger // math.mininteger, math.mininteger % math.mininteger, math.maxinteger % math.mininteger)
