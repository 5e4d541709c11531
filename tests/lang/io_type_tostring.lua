local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- io.type and the string form of handles
local f = assert(io.open(name, "w"))
print(io.type(f), io.type(io.stdout), io.type(42), io.type({}), io.type(nil))
print(tostring(f):match("^file %(0x%x+%)$") ~= nil)
f:close()
print(io.type(f), tostring(f))
print(pcall(io.type))
print(getmetatable(f).__name)
os.remove(name)
