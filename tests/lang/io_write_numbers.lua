local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- numbers are written with "%d" / "%.14g"
local f = assert(io.open(name, "w"))
f:write(1, " ", 1.0, " ", -0.0, " ", 1/3, " ", 2^63, " ", math.mininteger, " ", 1e100, " ", 255 // 1, "\n")
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
io.write(3, " ", 3.0, " ", 0.1, "\n")
print(pcall(io.write, {}))
print(pcall(io.write, "a", nil))
print(pcall(io.write, true))
os.remove(name)
