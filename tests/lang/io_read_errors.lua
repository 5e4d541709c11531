local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- invalid read formats
put("data")
local f = assert(io.open(name))
print(pcall(f.read, f, "x"))
print(pcall(f.read, f, "l", "*z"))
print(pcall(f.read, f, {}))
print(pcall(io.read, "q"))
print(pcall(f.read, f, 1.5))
f:close()
print(pcall(io.read, 1, 2, "bad"))
os.remove(name)
