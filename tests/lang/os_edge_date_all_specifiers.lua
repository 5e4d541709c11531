-- every strftime conversion lua5.4 accepts, in UTC, for two fixed times
local specs = "aAbBcCdDeFgGhHIjmMnprRStTuUVwWxXyYzZ%"
for _, t in ipairs({0, 1700000000}) do
  for c in specs:gmatch(".") do
    io.write(c, "=", (os.date("!%" .. c, t):gsub("\n", "\\n"):gsub("\t", "\\t")), ";")
  end
  print()
end
