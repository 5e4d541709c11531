-- A backward goto leaves the scope of a local: each pass creates a fresh variable for closures.
local fns = {}
local i = 1
::again::
local x = i * 10
fns[#fns + 1] = function() return x end
i = i + 1
if i <= 3 then goto again end
print(fns[1](), fns[2](), fns[3]())
