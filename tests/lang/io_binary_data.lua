local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- binary bytes survive a write/read round trip
local bytes = {}
for i = 0, 255 do bytes[#bytes + 1] = string.char(i) end
local data = table.concat(bytes)
put(data .. "\0\0end")
local f = assert(io.open(name, "rb"))
local back = f:read("a")
f:close()
print(#back, back:sub(1, 256) == data, back:sub(-5) == "\0\0end")
f = assert(io.open(name, "rb"))
print(#f:read("l"), f:read(1):byte())
f:close()
os.remove(name)
