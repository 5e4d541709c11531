local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- io.lines errors
print(pcall(io.lines, "/nonexistent_cove_dir/file"))
print(pcall(io.lines, {}))
local f = assert(io.open(name, "w"))
f:close()
print(pcall(f.lines, f))
print(select("#", io.lines(name, "x")))
local it = io.lines(name, "x")
print(pcall(it))
os.remove(name)
