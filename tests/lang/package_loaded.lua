-- the standard libraries are registered in package.loaded
for _, n in ipairs({"_G", "string", "table", "math", "io", "os", "debug", "coroutine", "utf8", "package"}) do
  io.write(n, "=", tostring(package.loaded[n] == (n == "_G" and _G or _G[n])), " ")
end
print()
print(require("string") == string, require("_G") == _G)
print(select("#", require("math")))
