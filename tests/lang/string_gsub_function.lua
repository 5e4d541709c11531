-- gsub with a function: called with the captures; nil/false keep the match
print(string.gsub("hello world", "%w+", string.upper))
print(string.gsub("a=1 b=2", "(%w)=(%w)", function(k, v) return v .. "=" .. k end))
print(string.gsub("abc", ".", function(c) if c == "b" then return nil end return c:byte() end))
print(string.gsub("abc", ".", function() return false end))
print(string.gsub("abc", "()", function(p) return p end))
print(string.gsub("1 2 3", "%d", function(d) return d * 2 end))
local calls = 0
print(string.gsub("aaa", "a", function() calls = calls + 1 end), calls)
print(pcall(string.gsub, "abc", "b", function() return {} end))
print(pcall(string.gsub, "abc", "b", function() return true end))
print(pcall(string.gsub, "abc", "b", function() error("boom") end))
print(string.gsub("x", "x", function(...) return select("#", ...) end))
print(string.gsub("xy", "(x)(y)", function(...) return select("#", ...) end))
