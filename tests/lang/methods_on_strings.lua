-- Strings index the string library through their metatable: s:upper(), ("x"):rep(), #s.
local s = "Hello, Lua"
print(s:upper(), s:lower(), s:len(), #s)
print(s:sub(1, 5), s:sub(-3), ("ab"):rep(3, "-"))
print(s:find("Lua"), s:byte(1), ("%d items"):format(3))
print(("x"):upper():lower():rep(2))
local n = 5
print(pcall(function() return n:upper() end))
print(("abc").len == string.len, ("abc").nonexistent)
