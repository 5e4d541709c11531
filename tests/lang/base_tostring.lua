-- tostring on every type: numbers, booleans, nil, strings; tables and functions start with their type.
print(tostring(nil), tostring(true), tostring(false), tostring(12), tostring(-1.5), tostring("s"))
print(tostring({}):match("^table: ") ~= nil, tostring(print):match("^function: ") ~= nil)
print(tostring(function() end):match("^function: ") ~= nil)
print(tostring(coroutine.create(print)):match("^thread: ") ~= nil)
print(tostring(1e15), tostring(2^63), tostring(-2^63), tostring(1/0))
print(pcall(tostring))
print(tostring(setmetatable({}, {__tostring = function() return "obj" end})))
print(#tostring(12345), tostring(12345) == "12345")
