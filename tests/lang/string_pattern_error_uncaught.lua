-- an uncaught malformed-pattern error ends the script with status 1
print(("abc"):find("b"))
print(("abc"):find("[b"))
