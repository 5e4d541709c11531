local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- io.lines over a file name, with formats
put("alpha\nbeta\n\ngamma")
for l in io.lines(name) do io.write("[", l, "]") end
print()
for l in io.lines(name, "L") do io.write("[", l, "]") end
print()
for a, b in io.lines(name, 1, 2) do io.write(a, "|", b, " ") end
print()
put("1 2 3\n4 5")
for n in io.lines(name, "n") do io.write(n, ";") end
print()
local count = 0
for l in io.lines(name) do count = count + 1 end
print(count)
os.remove(name)
