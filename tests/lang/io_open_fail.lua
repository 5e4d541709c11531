local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- io.open failures return nil, "name: message", errno
print(io.open("/nonexistent_cove_dir/file"))
print(io.open("/nonexistent_cove_dir/file", "w"))
print(select("#", io.open("/nonexistent_cove_dir/file")))
print(pcall(io.open))
print(pcall(io.open, name, {}))
print(io.open("/", "w"))
os.remove(name)
