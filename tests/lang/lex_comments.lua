-- Short comments, long comments of different levels, and comments that look like code.
local x = 1 -- a short comment
--[[ a long
comment ]] x = x + 1
--[==[ another
]] still comment ]=]
]==] x = x + 10
---[[ this is a short comment, so the next line runs
x = x + 100
--]]
print(x)
print(--[[inline]] "after inline comment")
--[[]] print("empty long comment")
