local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- switching between reading and writing on an update handle
local f = assert(io.open(name, "w+"))
f:write("line1\nline2\n")
f:seek("set", 0)
print(f:read("l"))
f:seek("cur", 0)
f:write("LINE2\n")
f:seek("set")
print(f:read("a"))
f:close()
os.remove(name)
