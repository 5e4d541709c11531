-- goto inside while and repeat bodies, including a goto that restarts the loop body.
local out = {}
local n = 0
while n < 10 do
  n = n + 1
  if n % 3 == 0 then goto skip end
  out[#out + 1] = n
  ::skip::
end
print(table.concat(out, ","))
local attempts = 0
::retry::
attempts = attempts + 1
if attempts < 4 then goto retry end
print("attempts", attempts)
