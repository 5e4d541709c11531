-- type returns the basic type name of every kind of value; it requires an argument.
print(type(nil), type(true), type(0), type(1.5), type("s"), type({}), type(print), type(function() end))
print(type(coroutine.create(function() end)), type(io.stdout))
print(type(type), type(type(nil)))
print(pcall(type))
print(math.type(1), math.type(1.0), math.type("1"), math.type(nil))
