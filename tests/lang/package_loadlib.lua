-- package.loadlib over dlopen
local f, err, where = package.loadlib("/nonexistent_cove_dir/lib.so", "luaopen_x")
print(f, err, where)
print(package.loadlib("libm.so.6", "*"))
local g, gerr, gwhere = package.loadlib("libm.so.6", "no_such_symbol_here")
print(g, gerr:match("undefined symbol") ~= nil, gwhere)
print(type(package.loadlib("libm.so.6", "cos")))
print(pcall(package.loadlib, "x"))
