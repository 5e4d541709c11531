local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- file handles are to-be-closed values
do
  local f <close> = assert(io.open(name, "w"))
  f:write("closed by scope")
  _G.saved = f
end
print(io.type(saved))
for l in io.lines(name) do
  print(l)
  break
end
local ok, err = pcall(function()
  local g <close> = assert(io.open(name))
  _G.saved2 = g
  error("boom")
end)
print(ok, err, io.type(saved2))
os.remove(name)
