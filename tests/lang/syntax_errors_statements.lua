-- Statement-level errors: misplaced break, bad assignment targets, stray 'end', missing 'until'.
local cases = {
  "break", "do break end", "return 1; x = 2", "x, y() = 1, 2", "end", "repeat x = 1",
  "local x <foo> = 1", "local x <const> = 1; x = 2", "function a.b:c.d() end",
  "for a, b = 1, 2 do end", "for a in do end", "else", "x = function() return 1 2 end",
  "elseif x then end", "local function f() return ... end",
}
for _, src in ipairs(cases) do
  local f, msg = load(src)
  print(f, msg)
end
