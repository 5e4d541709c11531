-- os.tmpname gives distinct names of existing files; they can be written, renamed, removed
local a, b = os.tmpname(), os.tmpname()
print(type(a), a ~= b)
local fa = io.open(a, "r") print(fa ~= nil) if fa then fa:close() end
local f = assert(io.open(a, "w")) f:write("tmp") f:close()
f = assert(io.open(a)) print(f:read("a")) f:close()
print(os.remove(a), os.remove(b))
print(io.open(a) == nil)
local ok, c = pcall(os.tmpname, "ignored") print(ok, type(c), os.remove(c))
