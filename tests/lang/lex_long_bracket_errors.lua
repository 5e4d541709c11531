-- Unfinished long strings and comments, and an invalid long-bracket opener.
for _, src in ipairs{"return [[abc", "x = 1 --[[ never closed", "return [==[ abc ]=]",
                     "return [=abc", "return [=", "x = '\\'"} do
  print(load(src))
end
