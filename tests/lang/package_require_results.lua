local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text)
  local f = assert(io.open(dir .. "/" .. rel, "w"))
  f:write(text)
  f:close()
end
-- what a module returns decides package.loaded's entry
write("returns_nil.lua", "return nil")
write("returns_false.lua", "return false")
write("returns_two.lua", "return 1, 2")
write("sets_global.lua", "GLOBAL_FROM_MODULE = 'yes'")
package.path = dir .. "/?.lua"
print(require("returns_nil"), package.loaded.returns_nil)
print(require("returns_false"), package.loaded.returns_false)
local a, b = require("returns_two")
print(a, hide(b))
print(require("sets_global"), GLOBAL_FROM_MODULE)
os.execute("rm -rf " .. dir)
