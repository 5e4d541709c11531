-- os.setlocale queries and sets the C locale
print(os.setlocale())
print(os.setlocale(nil, "numeric"))
print(os.setlocale("C"))
print(os.setlocale("C", "time"))
print(os.setlocale("surely-not-a-locale"))
print(pcall(os.setlocale, "C", "bogus"))
print(os.setlocale(nil, "all"), os.setlocale(nil, "ctype"), os.setlocale(nil, "monetary"))
