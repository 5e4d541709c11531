-- require from a temp directory: module gets name and file path, init.lua, errors in the module body
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir " .. dir .. " && mkdir " .. dir .. "/pkg"))
local function hide(s) return (tostring(s):gsub(dir:gsub("%p", "%%%0"), "DIR")) end
local function write(rel, text) local f = assert(io.open(dir .. "/" .. rel, "w")) f:write(text) f:close() end
write("mod_a.lua", "local n, p = ... return { name = n, path = p }")
write("pkg/init.lua", "return 'pkg init: ' .. select(1, ...)")
write("bad.lua", "error('module failed')")
write("syn.lua", "return +")
write("nothing.lua", "local x = 1")
local saved = package.path
package.path = dir .. "/?.lua;" .. dir .. "/?/init.lua"
local a = require("mod_a") print(a.name, hide(a.path))
print(hide(select(2, require("mod_a"))))
print(hide(require("pkg")), hide(select(2, require("pkg"))))
print(hide(select(2, pcall(require, "bad"))))
print(hide(select(2, pcall(require, "syn"))))
print(require("nothing"), package.loaded.nothing)
package.path = saved
for _, f in ipairs({"mod_a.lua", "pkg/init.lua", "bad.lua", "syn.lua", "nothing.lua", "pkg", ""}) do
  assert(os.remove(dir .. "/" .. f))
end
print("cleaned")
