local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- write returns the file, so calls chain
local f = assert(io.open(name, "w"))
f:write("a"):write("b"):write("c", "d")
print(f:write() == f)
f:close()
f = assert(io.open(name))
print(f:read("a"))
f:close()
print(io.write() == io.stdout)
print(io.stdout:write("") == io.stdout)
os.remove(name)
