-- Long strings of levels 0..3 containing other closing brackets, and long comments around code.
local s0 = [[a]=]b]]
local s1 = [=[a]]b]==]c]=]
local s2 = [==[a]=]b]]c]===]d]==]
local s3 = [===[[[nested]]]===]
print(s0, s1, s2, s3)
--[=[ comment with ]] inside ]=] print("after level-1 comment")
--[==[
print("inside comment: not run")
]==]
print(#[[
]], #[[

]])
print([[--not a comment]], "--[[ not a comment either ]]")
