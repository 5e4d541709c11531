-- ipairs iterates 1, 2, ... until the first nil value; it respects __index.
local t = {"a", "b", nil, "d"}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end
print()
for i, v in ipairs({}) do print("never") end
local count = 0
for i, v in ipairs({1, 2, 3, n = 4, [5] = 5}) do count = count + 1 end
print(count)
local f, s, init = ipairs(t)
print(type(f), s == t, init)
print(f(t, 0), f(t, 1), f(t, 2))
print(pcall(ipairs))
for i, c in ipairs("abc") do print("string index", i, c) end
