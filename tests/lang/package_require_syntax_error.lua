local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text)
  local f = assert(io.open(dir .. "/" .. rel, "w"))
  f:write(text)
  f:close()
end
-- a module file that does not compile is an error, not "not found"
write("broken.lua", "return {")
package.path = dir .. "/?.lua"
local ok, err = pcall(require, "broken")
print(ok, hide(err))
write("raises.lua", "error('failed while loading')")
ok, err = pcall(require, "raises")
print(ok, hide(err))
print(package.loaded.raises)
os.execute("rm -rf " .. dir)
