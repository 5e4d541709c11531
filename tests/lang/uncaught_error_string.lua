-- An uncaught error("x") ends the script with status 1 and "file:line: x" on stderr.
print("before the error")
error("x")
print("not reached")
