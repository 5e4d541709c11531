-- an uncaught error from the string library ends the script with status 1
print(string.rep("ab", 2))
print(string.format("%d", 1.5))
