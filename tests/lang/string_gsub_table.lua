-- gsub with a table: first capture (or whole match) is the key; false/nil keep text
local t = {name = "Lua", version = 5.4, yes = true, no = false}
print(string.gsub("$name $version $missing $no", "%$(%w+)", t))
print(string.gsub("abc", "%w", {a = 1, b = "B"}))
print(string.gsub("abc", "()", {[1] = "one", [3] = "three"}))
print(string.gsub("x y", "(%w)(%w*)", {x = "X"}))
local mt = setmetatable({}, {__index = function(_, k) return k:upper() end})
print(string.gsub("hello world", "%w+", mt))
print(pcall(string.gsub, "$yes", "%$(%w+)", t))
print(pcall(string.gsub, "abc", "b", {b = {}}))
