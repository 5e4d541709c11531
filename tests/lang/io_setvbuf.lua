local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- file:setvbuf modes
local f = assert(io.open(name, "w"))
print(f:setvbuf("no"))
print(f:setvbuf("full", 1024))
print(f:setvbuf("line"))
print(pcall(f.setvbuf, f, "bogus"))
print(pcall(f.setvbuf, f))
f:write("data")
f:close()
print(io.stdout:setvbuf("full"))
os.remove(name)
