-- debug.debug returns at end of input (stdin is empty in the tests)
print(debug.debug())
print("after")
