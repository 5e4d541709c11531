local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- write a file and read it back whole
local f = assert(io.open(name, "w"))
print(io.type(f))
print(f:write("hello", " ", "world", "\n", 42, " ", 1.5, "\n") == f)
print(f:close())
f = assert(io.open(name))
print(f:read("a"))
print(f:read("a") == "", f:read("l"), f:read(0))
f:close()
os.remove(name)
