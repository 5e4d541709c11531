-- Strings are converted to numbers for arithmetic (keeping integer-ness) and numbers to strings for '..'.
print("10" + 1, "10" * "2", "3.0" + 1, "0x10" + 0, " 5 " * 2)
print(math.type("10" + 1), math.type("10" + 1.0), math.type("1e1" + 0))
print("10" / 2, "7" // "2", "-7" % "3", -"2", "2" ^ "3")
print(pcall(function() return "abc" + 1 end))
print(pcall(function() return "1x" * 1 end))
print(pcall(function() return {} + 1 end))
print(10 .. 20, 1.5 .. "", -0.0 .. "", 2^63 .. "")
print("10" == 10, tostring(10) == "10")
