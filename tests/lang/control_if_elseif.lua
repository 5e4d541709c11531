-- if/elseif/else chains: only nil and false are falsy (0 and "" are true).
local function classify(v)
  if v == nil then return "nil"
  elseif v == false then return "false"
  elseif type(v) == "number" and v < 0 then return "negative"
  elseif v == 0 then return "zero"
  else return "other" end
end
for _, v in ipairs{-1, 0, 1, "s"} do io.write(classify(v), " ") end
print(classify(nil), classify(false))
if 0 then print("0 is true") end
if "" then print("empty string is true") end
if not nil then print("nil is false") end
local x = 5
if x > 3 then if x > 4 then print("nested", x) end end
