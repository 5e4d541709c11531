-- io.open mode validation and failure triple, with a temp file that is removed
local name = os.tmpname()
for _, m in ipairs({"r", "w", "a", "r+", "w+", "a+", "rb", "wb", "r+b", "rw", "x", "", "b", "r+bx", "wbb"}) do
  local ok, f = pcall(io.open, name, m)
  if ok and f then print(m, io.type(f)) f:close()
  elseif ok then print(m, "nil") else print(m, f) end
end
local f, msg, code = io.open(name .. "/no/such/dir", "r")
print(f, (msg:gsub("^.*: ", "PATH: ")), code)
print(pcall(io.open))
print(pcall(io.open, name, {}))
print(os.remove(name))
print(select('#', io.open("/nonexistent_edge/x")))
