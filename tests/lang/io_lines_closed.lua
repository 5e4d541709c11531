local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- file:lines iterators fail once the file is closed; io.lines closes at EOF
put("x\ny\n")
local f = assert(io.open(name))
local it = f:lines()
print(it())
f:close()
print(pcall(it))
local it2 = io.lines(name)
print(it2(), it2(), it2())
print(pcall(it2))
local g = assert(io.open(name))
for l in g:lines() do end
print(io.type(g))
g:close()
os.remove(name)
