-- String ordering is byte-wise (in the C locale), with shorter prefixes first.
local words = {"banana", "Apple", "apple", "", "a", "ab", "B", "10", "9", "a\0", "~", " "}
table.sort(words)
for i, w in ipairs(words) do words[i] = string.format("%q", w) end
print(table.concat(words, " "))
print("a" < "b", "a" <= "a", "b" > "a", "abc" < "abd", "abc" < "ab")
print("\xff" > "a", "Z" < "a", "" < "\0")
