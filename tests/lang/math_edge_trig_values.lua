-- trigonometry: atan with two arguments and signed zeros, asin/acos out of range, inf
local function f(x) return string.format("%.6f", x) end
print(f(math.atan(1, 1)), f(math.atan(1, -1)), f(math.atan(-1, -1)), f(math.atan(0, -1)))
print(math.atan(0, 1), math.atan(-0.0, 1), f(math.atan(1)))
print(f(math.atan(1, 0)), f(math.atan(-1, 0)))
print(math.asin(2) ~= math.asin(2), math.acos(-2) ~= math.acos(-2))
print(math.sin(1/0) ~= math.sin(1/0), math.cos(0), math.tan(0))
print(f(math.deg(math.pi)), f(math.rad(180)))
print(math.atan(1/0, 1) == math.pi / 2)
print(pcall(math.sin))
print(pcall(function() return math.atan(1, "x") end))
