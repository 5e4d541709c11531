-- utf8.codes over invalid sequences: errors at the right byte, lax mode, empty string
local function run(s, lax)
  local out = {}
  local ok, err = pcall(function()
    for p, c in utf8.codes(s, lax) do out[#out + 1] = p .. ":" .. string.format("%X", c) end
  end)
  print(table.concat(out, " "), ok, err)
end
run("a\u{E9}b")
run("a\xFFb")
run("ab\x80")
run("\xE2\x82")
run("\xED\xA0\x80")
run("\xED\xA0\x80", true)
run("\u{7FFFFFFF}x")
run("\u{7FFFFFFF}x", true)
run("")
run("a\0b")
print(pcall(utf8.codes))
local a, b, c = utf8.codes(1) print(type(a), b, c)
