-- os.setlocale: queries, categories, invalid categories, unknown locales
print(os.setlocale())
print(os.setlocale(nil, "all"))
print(os.setlocale("C"))
for _, c in ipairs({"all", "collate", "ctype", "monetary", "numeric", "time"}) do print(c, os.setlocale(nil, c)) end
print(pcall(os.setlocale, nil, "bogus"))
print(os.setlocale("no_such_locale_edge"))
print(os.setlocale("", "numeric") ~= nil)
print(os.setlocale("C", "numeric"))
print(pcall(os.setlocale, {}))
