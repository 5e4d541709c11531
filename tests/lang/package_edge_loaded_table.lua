-- package.loaded contents for standard libraries and consistency with _G and registry
local names = {}
for k in pairs(package.loaded) do names[#names + 1] = k end
table.sort(names) print(table.concat(names, " "))
print(package.loaded._G == _G, package.loaded.package == package, package.loaded.coroutine == coroutine)
print(debug.getregistry()._LOADED == package.loaded)
print(package.loaded.utf8 == utf8, package.loaded.debug == debug)
package.loaded.math = nil
local sp, sc = package.path, package.cpath
package.path, package.cpath = "/nonexistent/?.lua", "/nonexistent/?.so"
print(pcall(require, "math"))
package.loaded.math = math
package.path, package.cpath = sp, sc
print(require("math") == math)
package.preload.edge_mod = function() return "E" end
print(type(package.preload), require("edge_mod"), package.loaded.edge_mod)
