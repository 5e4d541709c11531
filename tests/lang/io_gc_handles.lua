local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- unreferenced handles are closed by the collector without errors
for i = 1, 20 do
  local f = io.open(name, "w")
  f:write(i)
end
collectgarbage()
collectgarbage()
local f = assert(io.open(name))
print(type(f:read("a")))
f:close()
print("done")
os.remove(name)
