-- Every multi-character operator token, and tokens glued together without spaces.
local a, b = 7, 2
print(a==b, a~=b, a<=b, a>=b, a//b, a<<b, a>>b, a..b)
print(a-b, a- -b, a - - - b, -a^2, 2^-1)
local t = {x=1}; print(t.x, #"abc", ~5, 5~3)
print(1 .. 2, 1.5 .."x")
goto skip
print("not printed")
::skip::
print(a--[[c]]+b)
