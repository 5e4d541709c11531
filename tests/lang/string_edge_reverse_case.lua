-- string.reverse/lower/upper with embedded zeros, high bytes, numbers, errors
local s = "Ab\0Cd\200"
print((s:reverse():gsub("[^%w]", function(c) return "<" .. c:byte() .. ">" end)))
print((s:lower():gsub("[^%w]", function(c) return "<" .. c:byte() .. ">" end)))
print((s:upper():gsub("[^%w]", function(c) return "<" .. c:byte() .. ">" end)))
print(string.reverse(""), string.lower(""), string.upper(""))
print(string.reverse(123), string.upper(1.5), string.lower(-0.0))
print(pcall(string.reverse))
print(pcall(string.lower, nil))
print(pcall(string.upper, {}))
print(pcall(string.len, true))
print(string.len("\0\0\0"), ("x"):len())
