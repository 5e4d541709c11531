-- Identifiers are ASCII letters, digits and underscore; other bytes are errors, with the byte shown.
print(load("local _a1, A_, __ = 1, 2, 3 return _a1 + A_ + __")())
print(load("local \xC3\xA9 = 1"))
print(load("x = @"))
print(load("x = $"))
print(load("x = 1 ` 2"))
