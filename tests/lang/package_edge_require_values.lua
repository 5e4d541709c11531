-- require: loader return values (nil, false, tables), package.loaded precedence, second value
package.preload.retnil = function(name, extra) print("load", name, extra) end
print(require("retnil"), package.loaded.retnil)
print(require("retnil"))
package.preload.retfalse = function() return false end
print(require("retfalse"), package.loaded.retfalse)
print(require("retfalse"))
package.preload.setsloaded = function(name) package.loaded[name] = "custom" return "ignored" end
print(require("setsloaded"))
package.preload.multi = function() return 1, 2, 3 end
print(require("multi"))
package.loaded.already = "pre"
print(require("already"))
package.preload.err = function() error("loader failed") end
print(pcall(require, "err"))
print(pcall(require))
print(pcall(require, {}))
print(require("string") == string, require("_G") == _G)
