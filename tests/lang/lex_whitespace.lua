-- Form feed, vertical tab, tab and carriage return are all whitespace between tokens.
local src = "local\fa\v=\t1\r\nreturn\fa\v+\t1"
print(load(src)())
print(load("return\n\n\n1\n+\n\n2")())
print(load("   \t  return 'spaced'   \n\n  ")())
print(type(load("")), load("   ")())
