-- _G holds the base library; _VERSION names the language version.
print(_VERSION, _G._G == _G)
local names = {}
for _, n in ipairs{"assert", "collectgarbage", "dofile", "error", "getmetatable", "ipairs", "load",
                   "loadfile", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen",
                   "rawset", "select", "setmetatable", "tonumber", "tostring", "type", "xpcall"} do
  names[#names + 1] = n .. "=" .. type(_G[n])
end
print(table.concat(names, " "))
for _, lib in ipairs{"string", "table", "math", "coroutine", "io", "os", "utf8", "debug", "package"} do
  io.write(lib, ":", type(_G[lib]), " ")
end
print()
print(package.loaded._G == _G, package.loaded.string == string)
