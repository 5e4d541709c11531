-- string.reverse, including empty strings and embedded zeros
print(string.reverse("abc"))
print(string.reverse("") == "")
print(string.reverse("a"))
print(string.reverse("a\0b"):byte(1, -1))
print(("racecar"):reverse())
print(string.reverse(123))
print(pcall(string.reverse))
