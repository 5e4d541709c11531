-- table.sort with the default '<'
local t = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
local s = {"pear", "apple", "fig", "banana", "Apple", "cherry"}
table.sort(s)
print(table.concat(s, " "))
local f = {3.5, -1, 2, 2.5, -7.25, 0}
table.sort(f)
print(table.concat(f, " "))
local one = {42}
table.sort(one)
print(one[1])
local empty = {}
table.sort(empty)
print(#empty)
local dup = {2, 1, 2, 1, 2, 1, 3, 3}
table.sort(dup)
print(table.concat(dup, ""))
local two = {2, 1}
table.sort(two)
print(two[1], two[2])
local three = {3, 1, 2}
table.sort(three)
print(table.concat(three, ""))
