local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text)
  local f = assert(io.open(dir .. "/" .. rel, "w"))
  f:write(text)
  f:close()
end
-- a C library that exists but lacks luaopen_* is an error
write("fake.so", "not an ELF file")
package.path = ""
package.cpath = dir .. "/?.so"
local ok, err = pcall(require, "fake")
print(ok, (hide(err):gsub("\n\t.*", "\n\t<dlerror>")))
package.cpath = "/nonexistent_cove_dir/?.so"
print(pcall(require, "a.b"))
os.execute("rm -rf " .. dir)
