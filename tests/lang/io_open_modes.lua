local name = os.tmpname()
local function put(s) local f = assert(io.open(name, "wb")) f:write(s) f:close() end
-- every valid mode, and invalid ones
for _, m in ipairs({"w", "r", "a", "r+", "w+", "a+", "rb", "wb", "ab", "r+b", "w+b", "a+b", "rbb"}) do
  local f, err = io.open(name, m)
  io.write(m, "=", io.type(f) or tostring(err), " ")
  if f then f:close() end
end
print()
for _, m in ipairs({"", "x", "rw", "+r", "r+x", "bw", "r++", "wt"}) do
  print(m, pcall(io.open, name, m))
end
os.remove(name)
