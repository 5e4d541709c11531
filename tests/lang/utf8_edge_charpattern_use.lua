-- utf8.charpattern with gmatch/gsub; escapes \u{} in source; charpattern value
print(utf8.charpattern == "[\0-\x7F\xC2-\xFD][\x80-\xBF]*")
local s = "h\u{E9}\u{20AC}\u{1F600}!"
local n = 0 for c in s:gmatch(utf8.charpattern) do n = n + 1 io.write(#c) end print(" ", n)
print((s:gsub(utf8.charpattern, function(c) return "<" .. utf8.codepoint(c) .. ">" end)))
print(#"\u{0}", #"\u{7F}", #"\u{80}", #"\u{7FFFFFFF}")
print(load([[return "\u{80000000}"]]))
print(load([[return "\u{}"]]))
print(load([[return "\u{12"]]))
