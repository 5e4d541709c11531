-- the registry holds the loaded table and the main thread
local r = debug.getregistry()
print(type(r), r._LOADED == package.loaded, r[2] == _G)
print(type(r[1]))
print(r._PRELOAD == package.preload)
