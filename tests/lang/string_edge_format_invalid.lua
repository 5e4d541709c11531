-- string.format: invalid conversions and too-long formats
local fmts = { "%", "%y", "%10", "%-", "%#", "%100d", "%1.100d", "%010.5q", "%ll", "%*d", "%.3c",
  "%#c", "%+s", "% s", "%0s", "%-+ #0d", "%10q", "%.1q", "%#q", "%i%" }
for _, f in ipairs(fmts) do
  print(f, pcall(string.format, f, 1))
end
print(pcall(string.format))
print(pcall(string.format, {}))
print(string.format("%%"))
print(string.format("no conversions", 1, 2, 3))
