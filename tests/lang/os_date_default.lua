-- os.date without arguments uses "%c" and the current time
local s = os.date()
print(type(s), #s > 10)
print(os.date("%Y") == os.date("*t").year .. "")
local t = os.time()
print(os.date("%c", t) == os.date(nil, t))
print(#os.date("!%c", 0), os.date("!%c", 0))
