-- The token after "near" is quoted as it appeared in the source (strings, numbers, names, <eof>).
local cases = {
  "x = 1 'str'", "x = 1 123", "x = 1 name", "x = 1 [[long]]", "x = 1 3.5", "x = 1 0x10",
  "x = 1 ...", "x = 1 ==", "x = 1 ::", "x = 1 <=",
}
for _, src in ipairs(cases) do
  local _, msg = load(src)
  print(msg)
end
