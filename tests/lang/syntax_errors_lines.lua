-- Error positions count lines correctly across long strings, comments and escaped newlines.
print(load("x = [[\n\n\n]] y = = 1"))
print(load("--[[\n\n]] local = 1"))
print(load("x = 'a\\\nb' + + 1"))
print(load("x = 1\n\n\n\n\nif x then\n"))
print(load("local t = {\n1,\n2,\n3\n"))
print(load("f(\n1,\n2\n"))
