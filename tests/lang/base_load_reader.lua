-- load with a reader function: pieces are concatenated until nil or an empty string.
local parts = {"return ", "1 ", "+ ", "41"}
local i = 0
local f = load(function() i = i + 1; return parts[i] end)
print(f())
local once = false
print(load(function() if not once then once = true; return "return 'one piece'" end end)())
local j = 0
print(load(function() j = j + 1; if j == 1 then return "return 2" elseif j == 2 then return "" end return "+1" end)())
-- Only the first line of these messages: the standalone interpreter's message handler may add more.
local function first_line(f, msg) return f, (msg:match("^[^\n]*")) end
print(first_line(load(function() return {} end)))
print(first_line(load(function() error("reader failed") end)))
local chars, k = "return 'c' .. 'h'", 0
print(load(function() k = k + 1; return chars:sub(k, k) end)())
print(pcall(load))
print(pcall(load, 42))
