-- rawequal and rawlen on all types, including their argument errors.
print(rawequal(1, 1), rawequal(1, 2), rawequal("x", "x"), rawequal({}, {}), rawequal(nil, nil))
print(rawequal(0, -0), rawequal(1, 1.0), rawequal(0/0, 0/0))
print(rawlen({1, 2, 3}), rawlen("hello"), rawlen({}))
print(pcall(rawequal, 1))
print(pcall(rawlen, nil))
print(pcall(rawlen, print))
