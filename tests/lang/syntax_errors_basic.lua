-- Syntax errors come back from load as nil plus "chunkname:line: message near 'token'".
local cases = {
  "x = ", "x = = 1", "local = 1", "if x then", "if x end", "for i = 1 do end",
  "while true do", "function f( end", "f(", "x = {1, 2", "return return",
  "x = 1 + * 2", "local function end", "a.b:c = 1", "(f)", "x", "1 = 2",
}
for _, src in ipairs(cases) do
  local f, msg = load(src)
  print(f, msg)
end
