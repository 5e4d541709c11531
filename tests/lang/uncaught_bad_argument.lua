-- A library function's "bad argument" error, uncaught.
print(("x"):rep(2))
string.rep()
