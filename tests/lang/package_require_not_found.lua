-- the "not found" message lists every place tried
package.path = "./?.lua;/nonexistent_cove_dir/?/init.lua"
package.cpath = "/nonexistent_cove_dir/?.so"
print(pcall(require, "no.such.mod"))
print(pcall(require, "nosuchmod"))
package.path = ""
package.cpath = ""
print(pcall(require, "empty"))
print(pcall(require))
