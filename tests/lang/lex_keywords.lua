-- Keywords cannot be names but may be field names through strings; names are case-sensitive.
local t = {}
t["end"] = 1; t["while"] = 2
print(t["end"], t["while"])
local And, NIL, True = 1, 2, 3
print(And, NIL, True)
print(load("local end = 1"))
print(load("local x = goto"))
print(load("t.end = 1"))
print(load("return {and = 1}"))
