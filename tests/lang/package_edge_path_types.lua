-- package.path/cpath must be strings for require; config fields
package.preload = {}
local savedc0 = package.cpath
package.cpath = "/nonexistent/?.so"
local saved = package.path
package.path = 42
print(pcall(require, "nomod_edge"))
package.cpath = savedc0
package.path = {}
print(pcall(require, "nomod_edge"))
package.path = saved
local savedc = package.cpath
package.cpath = nil
print(pcall(require, "nomod_edge2"))
package.cpath = savedc
package.preload = nil
package.path, package.cpath = "/nonexistent/?.lua", ""
print(pcall(require, "nomod_edge3"))
print(#package.config, package.config:sub(1, 1), package.config:sub(3, 3))
