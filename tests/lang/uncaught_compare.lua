-- Comparing a number with nil, uncaught.
local limit
if 3 < limit then print("no") end
