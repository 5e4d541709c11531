-- Escape sequences in short strings: C escapes, \ddd, \xXX, \z, \u{...} and escaped newlines.
print("a\tb|", "q\"q", 'q\'q', "back\\slash")
print(#"\a\b\f\n\r\t\v", ("\a\b\f\n\r\t\v"):byte(1, -1))
print("\65\066\0671", #"\0", ("\0x"):byte(1, 2))
print("\x41\x62\x7A", "\x7e")
print("one\z
       two", "x\z   y")
print("line1\
line2")
print(#"\u{48}\u{49}", "\u{48}\u{49}")
print(("\u{E9}"):byte(1, -1))
print(("\u{20AC}"):byte(1, -1))
print(("\u{10FFFF}"):byte(1, -1))
print(("\u{7FFFFFFF}"):byte(1, -1))
print("\255\254" == "\xff\xfe")
