-- table.concat: separators, ranges, numbers and empty intervals
local t = {1, 2, 3, "a", "b", 4.5}
print(table.concat(t))
print(table.concat(t, ", "))
print(table.concat(t, "-", 2))
print(table.concat(t, "-", 2, 4))
print(table.concat(t, "-", 4, 2) == "")
print(table.concat({}, "x"))
print(table.concat({"only"}, "x"))
print(table.concat({1, 2, 3}, 0))
print(table.concat({"a", "b"}, "\0"):len())
print(table.concat({10, 20, 30}, "", 3, 3))
print(table.concat({2^53, -0.0, 1e100, math.mininteger}, " "))
