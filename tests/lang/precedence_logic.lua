-- and/or/not precedence, comparison chaining through parentheses, and concatenation associativity.
print(1 or 2 and 3, (1 or 2) and 3, nil and 1 or 2)
print(not 1 == 2, not (1 == 2))
print(1 < 2 == true, "a" .. "b" == "ab")
print(false or nil, nil or false, false and nil, nil and false)
print(1 and nil, 0 or 5, "" or 5)
print("a" .. "b" .. "c" .. 1 .. 2)
print(1 < 2 and 2 < 3, 1 == 1 ~= false)
print(not not nil, not 0)
