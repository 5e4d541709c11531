-- lax mode accepts surrogates and values above U+10FFFF; strict mode does not
local surrogate = "\xED\xA0\x80"
local big = "\xF4\x90\x80\x80"
for p, c in utf8.codes(surrogate, true) do print(p, string.format("%X", c)) end
for p, c in utf8.codes(big, true) do print(p, string.format("%X", c)) end
for p, c in utf8.codes(utf8.char(0x7FFFFFFF), true) do print(p, string.format("%X", c)) end
print(pcall(function() for _ in utf8.codes(surrogate) do end end))
print(pcall(function() for _ in utf8.codes(big) do end end))
print(pcall(function() for _ in utf8.codes(big, false) do end end))
