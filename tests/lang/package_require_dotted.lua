local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text)
  local f = assert(io.open(dir .. "/" .. rel, "w"))
  f:write(text)
  f:close()
end
-- dots in module names become directory separators; init.lua is found
assert(os.execute("mkdir -p " .. dir .. "/a/b"))
write("a/b/c.lua", "return 'a.b.c'")
write("a/init.lua", "return 'a via init'")
package.path = dir .. "/?.lua;" .. dir .. "/?/init.lua"
local m1, f1 = require("a.b.c")
print(m1, hide(f1))
local m2, f2 = require("a")
print(m2, hide(f2))
print(select("#", require("a.b.c")))
os.execute("rm -rf " .. dir)
