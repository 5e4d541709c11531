-- A string builder object collecting pieces, with formatting helpers and a text table renderer.
local Builder = {}
Builder.__index = Builder
function Builder.new() return setmetatable({parts = {}}, Builder) end
function Builder:add(...) for i = 1, select('#', ...) do self.parts[#self.parts + 1] = tostring((select(i, ...))) end return self end
function Builder:addf(fmt, ...) return self:add(string.format(fmt, ...)) end
function Builder:build(sep) return table.concat(self.parts, sep or "") end
local b = Builder.new():add("a", 1, 2.5, true):addf("[%05.1f]", 3.14159)
print(b:build(), b:build("|"))
local rows = {{"name", "qty", "price"}, {"apple", 3, 0.5}, {"banana", 12, 0.25}, {"cherry", 100, 10}}
local widths = {}
for _, row in ipairs(rows) do
  for i, cell in ipairs(row) do widths[i] = math.max(widths[i] or 0, #tostring(cell)) end
end
local out = Builder.new()
for r, row in ipairs(rows) do
  for i, cell in ipairs(row) do
    local s = tostring(cell)
    out:add(i == 1 and s .. string.rep(" ", widths[i] - #s) or string.rep(" ", widths[i] - #s) .. s)
    out:add(i < #row and " | " or "\n")
  end
  if r == 1 then
    local dashes = {}
    for i, w in ipairs(widths) do dashes[i] = string.rep("-", w) end
    out:add(table.concat(dashes, "-+-"), "\n")
  end
end
io.write(out:build())
