local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text)
  local f = assert(io.open(dir .. "/" .. rel, "w"))
  f:write(text)
  f:close()
end
-- requiring a Lua file passes the name and file name to the chunk
write("plain.lua", "local name, file = ...\nreturn {name = name, file = file}")
package.path = dir .. "/?.lua"
local m, file = require("plain")
print(m.name, hide(m.file), hide(file))
print(require("plain") == m)
print(package.loaded.plain == m)
os.execute("rm -rf " .. dir)
