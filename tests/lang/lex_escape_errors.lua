-- Malformed escapes are syntax errors reported by load with the offending text.
local function try(src)
  local f, msg = load(src)
  print(f, msg)
end
try('return "\\q"')
try('return "\\x4"')
try('return "\\xZZ"')
try('return "\\256"')
try('return "\\u{110000000}"')
try('return "\\u48"')
try('return "\\u{48"')
try('return "abc')
try('return "abc\ndef"')
