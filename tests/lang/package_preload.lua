-- preload loaders receive the name and ":preload:"
package.preload.mymod = function(...)
  print("loading", ...)
  return {answer = 42}
end
local m, extra = require("mymod")
print(m.answer, extra)
local again = table.pack(require("mymod"))
print(again.n, again[1] == m)
package.preload.nothing = function() end
print(require("nothing"), package.loaded.nothing)
package.preload.falsy = function() return false end
print(require("falsy"), package.loaded.falsy)
package.loaded.falsy = nil
package.preload.setsloaded = function(name) package.loaded[name] = "set by module" end
print(require("setsloaded"))
