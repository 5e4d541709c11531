-- package.config and the path fields
print(package.config)
print(type(package.path), type(package.cpath))
print(type(package.searchers), #package.searchers)
print(type(package.loadlib), type(package.searchpath))
print(package.loaded.package == package, type(package.preload))
local names = {}
for k in pairs(package) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
