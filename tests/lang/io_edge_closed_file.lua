-- operations on a closed file and on the std streams: error messages, io.type, tostring
local name = os.tmpname()
local f = assert(io.open(name, "w"))
print(f:close())
print(io.type(f), tostring(f))
for _, m in ipairs({"read", "write", "lines", "seek", "flush", "setvbuf", "close"}) do
  print(m, pcall(f[m], f))
end
print(pcall(f.read, io.stdin, {}))
print(io.type(io.stdout), io.type(42), io.type(nil), io.type({}))
print(pcall(io.type))
print(pcall(f.write, 42))
print(pcall(f.close, "x"))
os.remove(name)
