-- the FILE* metatable and the method table
local mt = getmetatable(io.stdout)
print(mt.__name, type(mt.__gc), type(mt.__close), type(mt.__tostring), type(mt.__index))
local names = {}
for k in pairs(mt.__index) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
local libnames = {}
for k, v in pairs(io) do libnames[#libnames + 1] = k .. ":" .. type(v) end
table.sort(libnames)
print(table.concat(libnames, " "))
print(debug.getregistry()["FILE*"] == mt)
print(pcall(io.stdout.write, {}, "x"))
print(pcall(io.stdout.read, 42))
