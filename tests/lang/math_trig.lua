-- trigonometric functions
local function f(x) return string.format("%.12f", x) end
print(f(math.sin(0)), f(math.sin(math.pi / 2)), f(math.sin(math.pi / 6)))
print(f(math.cos(0)), f(math.cos(math.pi)), f(math.cos(math.pi / 3)))
print(f(math.tan(0)), f(math.tan(math.pi / 4)))
print(f(math.asin(1)), f(math.acos(0)), f(math.acos(1)))
print(f(math.atan(1)), f(math.atan(1, 1)), f(math.atan(1, -1)), f(math.atan(-1, -1)))
print(f(math.atan(0, -1)), f(math.atan(-0.0, -1)), f(math.atan(1, 0)))
print(math.sin(0), math.cos(0), math.type(math.sin(0)))
print(math.asin(2) ~= math.asin(2))
print(pcall(math.sin))
print(pcall(math.tan, "y"))
