-- Equality across types is false without error; ordering across types (or tables) is an error.
print(1 == "1", "a" == "a", {} == {}, nil == false)
print("a" < "b", "a" < "aa", "Z" < "a", "" < "a", "abc" <= "abd")
print("10" < "9", "a\0b" < "a\0c", "a\0" > "a")
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil > 1 end))
print(pcall(function() return "x" >= 1 end))
print(pcall(function() return true <= false end))
