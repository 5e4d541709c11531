-- lower/upper change ASCII letters only (C locale); other bytes pass through
print(string.lower("Hello World 123"))
print(string.upper("Hello World 123"))
print(string.upper(""), string.lower(""))
local s = "\0aZ\200\255"
print(string.upper(s):byte(1, -1))
print(string.lower(s):byte(1, -1))
print(("MiXeD"):lower(), ("MiXeD"):upper())
print(string.upper(12), string.lower(1.5))
print(pcall(string.upper))
print(pcall(string.lower, {}))
