-- broken package fields are reported
local saved = package.searchers
package.searchers = nil
print(pcall(require, "x"))
package.searchers = saved
local p = package.path
package.path = nil
print(pcall(require, "x_not_preloaded"))
package.path = p
package.cpath = 42
package.path = "/nonexistent_cove_dir/?.lua"
print(pcall(require, "y"))
