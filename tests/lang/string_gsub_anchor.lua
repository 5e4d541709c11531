-- an anchored gsub replaces at most once, at the start
print(string.gsub("hello hello", "^hello", "bye"))
print(string.gsub("hello", "^x", "bye"))
print(string.gsub("aaa", "^a*", "-"))
print(string.gsub("", "^", "start"))
print(string.gsub("abc", "^", ">"))
print(string.gsub("abc", "^(.)", "%1%1"))
