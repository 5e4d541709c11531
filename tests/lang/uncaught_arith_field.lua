-- Arithmetic on a nil field, uncaught.
local point = {x = 1}
print(point.x + point.y)
