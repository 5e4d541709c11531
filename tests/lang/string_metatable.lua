-- strings share one metatable whose __index is the string table
local mt = getmetatable("")
print(type(mt), mt.__index == string)
print(getmetatable("abc") == getmetatable(""))
print(("abc"):upper(), ("%d"):format(5), ("x"):rep(3))
local s = "hello"
print(s:len(), s:sub(2, 3), s:byte(1), #s)
print(rawequal(getmetatable("a").__index, string))
for _, name in ipairs({"__add", "__sub", "__mul", "__div", "__mod", "__pow", "__unm", "__idiv"}) do
  io.write(name, "=", type(mt[name]), " ")
end
print()
print(mt.__concat, mt.__band, mt.__len, mt.__eq)
string.custom = function(x) return "custom:" .. x end
print(("v"):custom())
string.custom = nil
print(pcall(function() return ("v"):nosuch() end))
