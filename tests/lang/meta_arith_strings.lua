-- String arithmetic goes through the string metatable; its errors name the operation.
print("10" + 1, "3" * "4", "2" ^ 3, "7" // 2, "7" % "4", -"3")
print(pcall(function() return "a" + 1 end))
print(pcall(function() return 1 - "b" end))
print(pcall(function() return "x" // "y" end))
print(pcall(function() return {} + "1" end))
local mt = getmetatable("")
print(type(mt.__add), type(mt.__index), mt.__concat)
