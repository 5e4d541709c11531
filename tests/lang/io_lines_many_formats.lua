local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- lines with several formats per iteration
put("1 2 3 4 5 6 7")
for a, b, c in io.lines(name, "n", "n", "n") do print(a, b, c) end
put("ab\ncd\nef")
local f = assert(io.open(name))
for c in f:lines(1) do io.write(c, ".") end
print()
f:close()
f = assert(io.open(name))
for l, rest in f:lines("l", "a") do print(l, #rest) end
f:close()
local args = {}
for i = 1, 251 do args[i] = "l" end
print(pcall(io.lines, name, table.unpack(args)))
os.remove(name)
