-- empty matches between characters and after a non-empty match
print(string.gsub("abc", "x*", "-"))
print(string.gsub("abc", "b*", "-"))
print(string.gsub("a,b,,c", "[^,]*", "<%0>"))
print(string.gsub("hello world", "%s*", "_"))
print(string.gsub("", "x*", "-"))
print(string.gsub("abc", ".-", "-"))
